package dev.postern.plugin.social.providers;

/**
 * Where a built-in provider lives. Every built-in provider has its real endpoints as defaults; overriding
 * them points the provider at a self-hosted instance (GitLab, Keycloak-fronted Microsoft tenants) or at a
 * test double. Null members mean "the provider's default".
 *
 * @param authorization the authorization endpoint
 * @param token the token endpoint
 * @param userInfo the user-info (profile) endpoint
 * @param jwks the JWKS of its ID tokens
 * @param issuer the {@code iss} of its ID tokens and authorization responses
 */
public record ProviderEndpoints(String authorization, String token, String userInfo, String jwks, String issuer) {
    public static final ProviderEndpoints DEFAULTS = new ProviderEndpoints(null, null, null, null, null);

    /** These endpoints with every null member taken from {@code defaults}. */
    public ProviderEndpoints orElse(ProviderEndpoints defaults) {
        return new ProviderEndpoints(pick(authorization, defaults.authorization), pick(token, defaults.token),
                pick(userInfo, defaults.userInfo), pick(jwks, defaults.jwks), pick(issuer, defaults.issuer));
    }

    private static String pick(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
