package dev.postern.plugin.emailpassword;

import dev.postern.PosternConfig;
import dev.postern.crypto.Hs256Jwt;
import dev.postern.crypto.SecretRing;
import dev.postern.crypto.UriComponent;
import dev.postern.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stateless e-mail verification token: better-auth's HS256 JWT, keyed with the UTF-8 of the secret,
 * with claims {@code {email, updateTo?, requestType?, userId, iat, exp}} in that order, and the link that
 * carries it: {@code <authUrl>/verify-email?token=<jwt>&callbackURL=<encoded callbackURL or "/">}.
 * A token issued by better-auth with the same secret verifies here, and the reverse; after a rotation,
 * links signed with an older secret of the ring keep working.
 */
public final class EmailVerificationTokens {
    /** {@code requestType} of the first step of a change of address, mailed to the current address. */
    public static final String CHANGE_EMAIL_CONFIRMATION = "change-email-confirmation";
    /** {@code requestType} of the step that applies a change of address, mailed to the new address. */
    public static final String CHANGE_EMAIL_VERIFICATION = "change-email-verification";

    private final Hs256Jwt jwt;
    private final Hs256Jwt ignoringExpiry;
    private final Duration expiresIn;
    private final String authUrl;

    public EmailVerificationTokens(PosternConfig config, Duration expiresIn) {
        SecretRing secrets = config.secrets();
        this.jwt = new Hs256Jwt(secrets, config.clock());
        // Verifying at the epoch accepts any exp, which is how an expired token is told from a forged one.
        this.ignoringExpiry = new Hs256Jwt(secrets, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        this.expiresIn = expiresIn;
        this.authUrl = config.authUrl();
    }

    /** A token that verifies {@code email} for the user {@code userId} (null for the timing-only token). */
    public String forAddress(String email, String userId) {
        return sign(email, null, null, userId);
    }

    /** A token for a change of address from {@code email} to {@code updateTo}, step {@code requestType} (or null). */
    public String forChange(String email, String updateTo, String requestType, String userId) {
        return sign(email, updateTo, requestType, userId);
    }

    /** The verification link: {@code callbackURL} defaults to {@code "/"}, encoded as encodeURIComponent would. */
    public String link(String token, String callbackUrl) {
        String callback = callbackUrl == null || callbackUrl.isEmpty() ? "/" : callbackUrl;
        return authUrl + "/verify-email?token=" + token + "&callbackURL=" + UriComponent.encode(callback);
    }

    /** Reads a token: its claims, or whether it failed by expiry or for any other reason. */
    public Verified verify(String token) {
        Optional<ObjectNode> claims = jwt.verify(token);
        if (claims.isPresent()) {
            return new Verified(claims.get(), null);
        }
        boolean expired = ignoringExpiry.verify(token).isPresent();
        return new Verified(null, expired ? EmailPasswordErrorCodes.TOKEN_EXPIRED.code()
                : EmailPasswordErrorCodes.INVALID_TOKEN.code());
    }

    private String sign(String email, String updateTo, String requestType, String userId) {
        ObjectNode claims = Json.object();
        claims.put("email", email.toLowerCase(java.util.Locale.ROOT));
        if (updateTo != null) {
            claims.put("updateTo", updateTo.toLowerCase(java.util.Locale.ROOT));
        }
        if (requestType != null) {
            claims.put("requestType", requestType);
        }
        if (userId != null) {
            claims.put("userId", userId);
        }
        return jwt.sign(claims, expiresIn);
    }

    /**
     * The outcome of {@link #verify}: the claims of a good token, or the error code of a bad one
     * ({@code TOKEN_EXPIRED} or {@code INVALID_TOKEN}).
     */
    public record Verified(ObjectNode claims, String errorCode) {
        public boolean valid() {
            return claims != null;
        }

        /** A string claim, or empty when absent or not a string. */
        public Optional<String> claim(String name) {
            JsonNode node = claims == null ? null : claims.get(name);
            return node != null && node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
        }
    }
}
