package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LINE, as better-auth's {@code line()}: scopes {@code openid profile email}, PKCE, the user from the ID token
 * of the token response, else from the user-info endpoint; LINE never says an address is verified.
 */
public final class LineProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://access.line.me/oauth2/v2.1/authorize",
            "https://api.line.me/oauth2/v2.1/token", "https://api.line.me/oauth2/v2.1/userinfo", null, null);

    public LineProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "line";
    }

    @Override
    public String name() {
        return "LINE";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "profile", "email");
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        Map<String, Object> profile = idTokenClaimsElseUserInfo(tokens);
        String sub = profile == null ? null : ProviderProfile.text(profile, "sub");
        return sub == null ? Optional.empty() : Optional.of(new ProviderProfile(sub, ProviderProfile.text(profile, "email"),
                false, UserInfoProvider.firstText(profile, "", "name"), ProviderProfile.text(profile, "picture"), profile));
    }
}
