package dev.postern.plugin.social;

import static dev.postern.endpoint.ResponseSchemas.bool;
import static dev.postern.endpoint.ResponseSchemas.nullable;
import static dev.postern.endpoint.ResponseSchemas.object;
import static dev.postern.endpoint.ResponseSchemas.ordered;
import static dev.postern.endpoint.ResponseSchemas.string;

import dev.postern.endpoint.ResponseSchemas;
import java.util.Map;

/** The response schemas of the social endpoints, for the OpenAPI document (better-auth's shapes). */
final class SocialResponses {
    /** sign-in/social and link-social: the provider's authorization URL, or a session for an ID token. */
    static final Map<String, Object> REDIRECT_OR_SESSION = object(ordered(
            "url", string("uri"), "redirect", bool(), "token", nullable(string()),
            "user", ResponseSchemas.USER, "status", bool()), "redirect");
    static final Map<String, Object> TOKENS = object(ordered(
            "accessToken", nullable(string()), "refreshToken", nullable(string()),
            "accessTokenExpiresAt", nullable(string("date-time")), "refreshTokenExpiresAt", nullable(string("date-time")),
            "scopes", ResponseSchemas.arrayOf(string()), "idToken", nullable(string()), "tokenType", nullable(string())));
    static final Map<String, Object> ACCOUNT_INFO = object(ordered(
            "user", Map.of("type", "object", "description", "the provider's profile, mapped"),
            "data", Map.of("type", "object", "description", "the provider's raw profile")), "user");

    private SocialResponses() {
    }
}
