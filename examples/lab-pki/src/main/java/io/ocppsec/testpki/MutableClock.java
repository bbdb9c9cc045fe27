package io.ocppsec.testpki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand: time logic is tested without sleeping. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** Starts at {@link TestPki#NOW}. */
    public MutableClock() {
        this(TestPki.NOW);
    }

    /** @param start the first instant */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** @param d how far to move forward @return this clock */
    public MutableClock advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    /** @param t the new instant @return this clock */
    public MutableClock set(Instant t) {
        now = t;
        return this;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
