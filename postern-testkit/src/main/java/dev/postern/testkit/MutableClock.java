package dev.postern.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock that stands still until a test moves it, to cross session lifetimes, token expiries and
 * rate-limit windows without sleeping: {@code TestPostern.builder().configure(b -> b.clock(clock))}.
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /** Starts at the current time, truncated to milliseconds as stored dates are. */
    public MutableClock() {
        this(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public MutableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
