package io.ocppsec.core.event;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off between failed delivery attempts: {@code initial}, then doubled after each
 * further failure, at most {@code max}.
 *
 * @param initial wait after the first failure, 1 ms to 1 day (default 5 s)
 * @param max longest wait, at least {@code initial}, at most 1 day (default 5 min)
 */
public record RetryPolicy(Duration initial, Duration max) {

    /**
     * @throws IllegalArgumentException for durations out of range
     */
    public RetryPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.compareTo(Duration.ofMillis(1)) < 0 || max.compareTo(Duration.ofDays(1)) > 0
                || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 1 ms <= initial <= max <= 1 day");
        }
    }

    /** @return 5 s doubling up to 5 min */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(5));
    }

    /**
     * @param failures consecutive failures so far, at least 1
     * @return how long to wait before the next attempt
     */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be >= 1");
        }
        Duration d = initial;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
