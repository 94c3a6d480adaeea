package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Vercel, as better-auth's {@code vercel()}: no default scopes, PKCE, the OpenID user-info document. */
public final class VercelProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://vercel.com/oauth/authorize", "https://api.vercel.com/login/oauth/token", "https://api.vercel.com/login/oauth/userinfo", null, null);

    public VercelProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "vercel";
    }

    @Override
    public String name() {
        return "Vercel";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of();
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        return openIdProfile(profile, "name", "preferred_username");
    }
}
