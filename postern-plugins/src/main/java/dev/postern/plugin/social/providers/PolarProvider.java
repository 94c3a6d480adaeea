package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Polar, as better-auth's {@code polar()}: scopes {@code openid profile email}, PKCE, {@code /v1/oauth2/userinfo} (the name is the public name, else the username). */
public final class PolarProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://polar.sh/oauth2/authorize", "https://api.polar.sh/v1/oauth2/token", "https://api.polar.sh/v1/oauth2/userinfo", null, null);

    public PolarProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "polar";
    }

    @Override
    public String name() {
        return "Polar";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("openid", "profile", "email");
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        String id = ProviderProfile.text(profile, "id");
        return id == null ? null : new ProviderProfile(id, ProviderProfile.text(profile, "email"),
                ProviderProfile.truthy(profile.get("email_verified")), firstText(profile, "", "public_name", "username"),
                ProviderProfile.text(profile, "avatar_url"), profile);
    }
}
