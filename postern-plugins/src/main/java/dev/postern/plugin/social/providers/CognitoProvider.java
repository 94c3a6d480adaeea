package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon Cognito, as better-auth's {@code cognito()}: a user pool's hosted domain ({@code domain}, with
 * {@code region} and {@code userPoolId} naming the pool), scopes {@code openid profile email}, PKCE, the
 * user from the ID token (name, else given name, else username), else from {@code /oauth2/userinfo}.
 */
public final class CognitoProvider extends StandardProvider {
    public CognitoProvider(ProviderSettings settings, ProviderEndpoints endpoints, String domain, Clock clock) {
        super(settings, endpoints, defaults(domain), clock);
    }

    /** The endpoints of a Cognito hosted domain ({@code auth.example.com} or with its scheme). */
    public static ProviderEndpoints defaults(String domain) {
        if (domain == null || domain.isBlank()) {
            return ProviderEndpoints.DEFAULTS;
        }
        String host = domain.replaceFirst("^https?://", "").replaceAll("/+$", "");
        return new ProviderEndpoints("https://" + host + "/oauth2/authorize", "https://" + host + "/oauth2/token",
                "https://" + host + "/oauth2/userinfo", null, null);
    }

    @Override
    public String id() {
        return "cognito";
    }

    @Override
    public String name() {
        return "Cognito";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "profile", "email");
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        Optional<Map<String, Object>> claims = decodeIdToken(tokens.idToken());
        Map<String, Object> profile = claims.isPresent() ? claims.get()
                : tokens.accessToken() == null ? null : getJson(endpoints.userInfo(), tokens.accessToken());
        String sub = profile == null ? null : ProviderProfile.text(profile, "sub");
        return sub == null ? Optional.empty() : Optional.of(new ProviderProfile(sub, ProviderProfile.text(profile, "email"),
                ProviderProfile.truthy(profile.get("email_verified")),
                UserInfoProvider.firstText(profile, "", "name", "given_name", "username"),
                ProviderProfile.text(profile, "picture"), profile));
    }
}
