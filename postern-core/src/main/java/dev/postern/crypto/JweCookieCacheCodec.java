package dev.postern.crypto;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** The {@code jwe} cookie cache: the session data as the claims of a {@link SymmetricJwe} (salt {@code better-auth-session}). */
final class JweCookieCacheCodec implements CookieCacheCodec {
    private final SymmetricJwe jwe;
    private final Clock clock;

    JweCookieCacheCodec(SecretRing ring, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jwe = new SymmetricJwe(ring, SymmetricJwe.SESSION_SALT, clock);
    }

    @Override
    public String encode(ObjectNode sessionData, Duration lifetime) {
        return jwe.encode(CookieCachePayloads.withCanonicalDates(sessionData), lifetime);
    }

    @Override
    public Optional<CachedSession> decode(String cookieValue) {
        return jwe.decode(cookieValue).flatMap(claims -> CookieCachePayloads.fromClaims(claims, clock.instant()));
    }

    @Override
    public Duration lifetimeWhenNotRemembered() {
        return Duration.ofSeconds(300);
    }
}
