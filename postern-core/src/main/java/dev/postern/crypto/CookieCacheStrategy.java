package dev.postern.crypto;

import java.util.Locale;
import java.util.Optional;

/**
 * How the {@code session_data} cookie cache is encoded, named as in better-auth's
 * {@code session.cookieCache.strategy} (wire reference §5.3).
 */
public enum CookieCacheStrategy {
    /** base64url JSON with an HMAC signature; better-auth's default. Also known by its legacy name {@code base64-hmac}. */
    COMPACT("compact"),
    /** HS256 JWT keyed with the secret. */
    JWT("jwt"),
    /** Encrypted JWT (dir + A256CBC-HS512); better-auth's default when it runs without a database. */
    JWE("jwe");

    private final String wireName;

    CookieCacheStrategy(String wireName) {
        this.wireName = wireName;
    }

    /** The name better-auth configuration uses. */
    public String wireName() {
        return wireName;
    }

    /** The strategy a better-auth configuration name denotes, accepting the legacy {@code base64-hmac}. */
    public static Optional<CookieCacheStrategy> fromWireName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("base64-hmac")) {
            return Optional.of(COMPACT);
        }
        for (CookieCacheStrategy strategy : values()) {
            if (strategy.wireName.equals(lower)) {
                return Optional.of(strategy);
            }
        }
        return Optional.empty();
    }
}
