package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Roblox, as better-auth's {@code roblox()}: scopes {@code openid profile}, no PKCE; Roblox gives no address, so the username stands in for it, never verified. */
public final class RobloxProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://apis.roblox.com/oauth/v1/authorize", "https://apis.roblox.com/oauth/v1/token", "https://apis.roblox.com/oauth/v1/userinfo", null, null);

    public RobloxProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "roblox";
    }

    @Override
    public String name() {
        return "Roblox";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "profile");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        String sub = ProviderProfile.text(profile, "sub");
        return sub == null ? null : new ProviderProfile(sub, ProviderProfile.text(profile, "preferred_username"), false,
                firstText(profile, "", "nickname", "preferred_username"), ProviderProfile.text(profile, "picture"), profile);
    }
}
