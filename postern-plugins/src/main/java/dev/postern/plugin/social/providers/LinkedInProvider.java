package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** LinkedIn, as better-auth's {@code linkedin()}: scopes {@code profile email openid}, no PKCE, the OpenID user-info document. */
public final class LinkedInProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://www.linkedin.com/oauth/v2/authorization",
            "https://www.linkedin.com/oauth/v2/accessToken", "https://api.linkedin.com/v2/userinfo", null, null);

    public LinkedInProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "linkedin";
    }

    @Override
    public String name() {
        return "Linkedin";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("profile", "email", "openid");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        String sub = ProviderProfile.text(profile, "sub");
        return sub == null ? null : new ProviderProfile(sub, ProviderProfile.text(profile, "email"),
                ProviderProfile.truthy(profile.get("email_verified")), ProviderProfile.text(profile, "name"),
                ProviderProfile.text(profile, "picture"), profile);
    }
}
