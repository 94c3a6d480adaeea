package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PayPal, as better-auth's {@code paypal()}: the sandbox unless {@code environment: live}, no scopes (the app's
 * configured ones apply), PKCE on the URL, client authentication by HTTP Basic, the user from
 * {@code /v1/identity/oauth2/userinfo?schema=paypalv1.1}, which must name the ID token's subject when one came.
 */
public final class PayPalProvider extends StandardProvider {
    public PayPalProvider(ProviderSettings settings, ProviderEndpoints endpoints, String environment, Clock clock) {
        super(settings, endpoints, defaults(environment), clock);
    }

    public static ProviderEndpoints defaults(String environment) {
        boolean live = "live".equals(environment);
        String web = live ? "https://www.paypal.com" : "https://www.sandbox.paypal.com";
        String api = live ? "https://api-m.paypal.com" : "https://api-m.sandbox.paypal.com";
        return new ProviderEndpoints(web + "/signin/authorize", api + "/v1/oauth2/token",
                api + "/v1/identity/oauth2/userinfo", null, null);
    }

    @Override
    public String id() {
        return "paypal";
    }

    @Override
    public String name() {
        return "PayPal";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of();
    }

    @Override
    protected OAuthHttp.ClientAuth clientAuth() {
        return OAuthHttp.ClientAuth.BASIC;
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        Map<String, Object> profile = getJson(endpoints.userInfo() + "?schema=paypalv1.1", tokens.accessToken());
        String subject = UserInfoProvider.firstText(profile, null, "sub", "user_id");
        if (tokens.idToken() != null) {
            String idSubject = decodeIdToken(tokens.idToken()).map(c -> ProviderProfile.text(c, "sub")).orElse(null);
            if (idSubject == null || !idSubject.equals(subject)) {
                return Optional.empty();
            }
        }
        String id = ProviderProfile.text(profile, "user_id");
        return id == null ? Optional.empty() : Optional.of(new ProviderProfile(id, ProviderProfile.text(profile, "email"),
                ProviderProfile.truthy(profile.get("email_verified")), ProviderProfile.text(profile, "name"),
                ProviderProfile.text(profile, "picture"), profile));
    }
}
