package dev.postern.crypto;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** The {@code jwt} cookie cache: the session data as the claims of an {@link Hs256Jwt}. */
final class JwtCookieCacheCodec implements CookieCacheCodec {
    private final Hs256Jwt jwt;
    private final Clock clock;

    JwtCookieCacheCodec(SecretRing ring, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jwt = new Hs256Jwt(ring, clock);
    }

    @Override
    public String encode(ObjectNode sessionData, Duration lifetime) {
        return jwt.sign(CookieCachePayloads.withCanonicalDates(sessionData), lifetime);
    }

    @Override
    public Optional<CachedSession> decode(String cookieValue) {
        return jwt.verify(cookieValue).flatMap(claims -> CookieCachePayloads.fromClaims(claims, clock.instant()));
    }

    @Override
    public Duration lifetimeWhenNotRemembered() {
        return Duration.ofSeconds(300);
    }
}
