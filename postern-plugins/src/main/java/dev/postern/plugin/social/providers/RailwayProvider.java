package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Railway, as better-auth's {@code railway()}: scopes {@code openid email profile}, PKCE, client authentication by HTTP Basic, {@code /oauth/me}. */
public final class RailwayProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://backboard.railway.com/oauth/auth", "https://backboard.railway.com/oauth/token", "https://backboard.railway.com/oauth/me", null, null);

    public RailwayProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "railway";
    }

    @Override
    public String name() {
        return "Railway";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "email", "profile");
    }

    @Override
    protected OAuthHttp.ClientAuth clientAuth() {
        return OAuthHttp.ClientAuth.BASIC;
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        String sub = ProviderProfile.text(profile, "sub");
        return sub == null ? null : new ProviderProfile(sub, ProviderProfile.text(profile, "email"), false,
                ProviderProfile.text(profile, "name"), ProviderProfile.text(profile, "picture"), profile);
    }
}
