package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.ProviderSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One provider of better-auth 1.7's {@code genericOAuth({config: [...]})}: any OAuth 2.0 or OpenID Connect
 * provider, by discovery URL or by explicit endpoints (an explicit endpoint wins over the discovered one).
 *
 * @param providerId the id in {@code /callback/<id>} and {@code account.providerId}
 * @param discoveryUrl the {@code .well-known/openid-configuration} URL, or null
 * @param authorizationUrl the authorization endpoint, or null to discover it
 * @param tokenUrl the token endpoint, or null to discover it
 * @param userInfoUrl the user-info endpoint, or null to discover it
 * @param settings client id and secret, scopes and the sign-up rules
 * @param pkce send a PKCE S256 challenge (true)
 * @param authorizationUrlParams extra parameters on every authorization URL
 * @param authentication how the client authenticates at the token endpoint ({@code post}, or {@code basic})
 * @param profileMapping user field ({@code name}, {@code email}, {@code image}, {@code emailVerified},
 *     {@code id}) to the profile claim it is read from, for providers whose claims are named differently
 */
public record GenericOAuthConfig(String providerId, String discoveryUrl, String authorizationUrl, String tokenUrl,
        String userInfoUrl, ProviderSettings settings, boolean pkce, Map<String, String> authorizationUrlParams,
        OAuthHttp.ClientAuth authentication, Map<String, String> profileMapping) {
    public GenericOAuthConfig {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(settings, "settings");
        authorizationUrlParams = authorizationUrlParams == null ? Map.of() : Map.copyOf(authorizationUrlParams);
        profileMapping = profileMapping == null ? Map.of() : Map.copyOf(profileMapping);
        authentication = authentication == null ? OAuthHttp.ClientAuth.POST : authentication;
        if (discoveryUrl == null && (authorizationUrl == null || tokenUrl == null)) {
            throw new IllegalArgumentException("generic OAuth provider \"" + providerId
                    + "\" needs discoveryUrl, or authorizationUrl and tokenUrl");
        }
    }

    /** A provider found through its discovery document, with these scopes. */
    public static GenericOAuthConfig discovery(String providerId, String discoveryUrl, String clientId,
            String clientSecret, List<String> scopes) {
        return new GenericOAuthConfig(providerId, discoveryUrl, null, null, null,
                ProviderSettings.of(clientId, clientSecret).withScope(scopes), true, Map.of(), null, Map.of());
    }

    public GenericOAuthConfig withSettings(ProviderSettings newSettings) {
        return new GenericOAuthConfig(providerId, discoveryUrl, authorizationUrl, tokenUrl, userInfoUrl, newSettings,
                pkce, authorizationUrlParams, authentication, profileMapping);
    }
}
