package io.ocppsec.core.store;

import io.ocppsec.testpki.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand: time logic is tested without sleeping. */
public final class TestClock extends Clock {

    private volatile Instant now;

    /** Starts at {@link TestPki#NOW}. */
    public TestClock() {
        this(TestPki.NOW);
    }

    /** @param start the first instant */
    public TestClock(Instant start) {
        this.now = start;
    }

    /** @param d how far to move forward @return this clock */
    public TestClock advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    /** @param t the new instant @return this clock */
    public TestClock set(Instant t) {
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
