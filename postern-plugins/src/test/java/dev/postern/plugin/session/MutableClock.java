package dev.postern.plugin.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock tests move by hand, to cross session lifetimes and refresh ages without waiting. */
final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock() {
        this.now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    void advance(Duration duration) {
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
