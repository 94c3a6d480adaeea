package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Kick, as better-auth's {@code kick()}: scope {@code user:read}, PKCE, the first user of {@code /public/v1/users}'s {@code data}. */
public final class KickProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://id.kick.com/oauth/authorize",
            "https://id.kick.com/oauth/token", "https://api.kick.com/public/v1/users", null, null);

    public KickProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "kick";
    }

    @Override
    public String name() {
        return "Kick";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("user:read");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ProviderProfile map(Map<String, Object> document) {
        if (!(document.get("data") instanceof List<?> users) || users.isEmpty() || !(users.get(0) instanceof Map<?, ?> first)) {
            return null;
        }
        Map<String, Object> profile = (Map<String, Object>) first;
        String id = ProviderProfile.text(profile, "user_id");
        return id == null ? null : new ProviderProfile(id, ProviderProfile.text(profile, "email"), false,
                ProviderProfile.text(profile, "name"), ProviderProfile.text(profile, "profile_picture"), profile);
    }
}
