package dev.postern.plugin.social;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a provider's token endpoint answered, as better-auth's {@code getOAuth2Tokens} reads it: the access,
 * refresh and ID tokens, expiry instants computed from {@code expires_in} and {@code refresh_token_expires_in},
 * and the granted {@code scope} split on spaces. Any of them may be null.
 */
public record OAuthTokens(String tokenType, String accessToken, String refreshToken, Instant accessTokenExpiresAt,
        Instant refreshTokenExpiresAt, List<String> scopes, String idToken, Map<String, Object> raw) {
    public OAuthTokens {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        raw = raw == null ? Map.of() : raw;
    }

    /** Tokens handed over by the browser with an ID-token sign-in (no expiry, no scopes). */
    public static OAuthTokens ofIdToken(String idToken, String accessToken, String refreshToken) {
        return new OAuthTokens(null, accessToken, refreshToken, null, null, List.of(), idToken, Map.of());
    }

    /** These tokens with {@code expiresIn} as the access token's lifetime when the provider sent none. */
    public OAuthTokens withDefaultExpiry(Instant fallback) {
        if (accessTokenExpiresAt != null || fallback == null) {
            return this;
        }
        return new OAuthTokens(tokenType, accessToken, refreshToken, fallback, refreshTokenExpiresAt, scopes, idToken, raw);
    }
}
