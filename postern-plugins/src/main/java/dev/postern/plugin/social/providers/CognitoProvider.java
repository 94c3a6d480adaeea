package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
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
        return Optional.ofNullable(openIdProfile(idTokenClaimsElseUserInfo(tokens), "name", "given_name", "username"));
    }
}
