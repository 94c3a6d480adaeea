package dev.postern.crypto;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes and decodes the {@code session_data} cookie cache in one of better-auth's formats (wire
 * reference §5.3), so a cookie written by either implementation is read by the other. The session data
 * is better-auth's {@code {session, user, updatedAt, version}} object, dates as ISO strings.
 */
public interface CookieCacheCodec {

    /**
     * The cookie value (before any chunking) caching {@code sessionData} for {@code lifetime}; pass
     * {@link #lifetimeWhenNotRemembered()} when the session cookie has no {@code Max-Age}.
     */
    String encode(ObjectNode sessionData, Duration lifetime);

    /**
     * The cached session in a cookie value (after joining chunks), or empty when the value is not this
     * format, was not made with a secret of the ring, is not shaped like better-auth's payload, or when the cache
     * entry or the session inside it has expired: every case in which better-auth's {@code getSession}
     * drops the cache and reads the database instead.
     */
    Optional<CachedSession> decode(String cookieValue);

    /**
     * The lifetime better-auth gives the cache when "remember me" is off and the cookie has no
     * {@code Max-Age}: 60 s for {@code compact}, 300 s for {@code jwt} and {@code jwe}.
     */
    Duration lifetimeWhenNotRemembered();

    /** A codec that writes with the ring's current secret and reads what any of its secrets wrote. */
    static CookieCacheCodec of(CookieCacheStrategy strategy, SecretRing ring, Clock clock) {
        return switch (strategy) {
            case COMPACT -> new CompactCookieCacheCodec(ring, clock);
            case JWT -> new JwtCookieCacheCodec(ring, clock);
            case JWE -> new JweCookieCacheCodec(ring, clock);
        };
    }

    static CookieCacheCodec of(CookieCacheStrategy strategy, Secret secret, Clock clock) {
        return of(strategy, SecretRing.of(secret), clock);
    }
}
