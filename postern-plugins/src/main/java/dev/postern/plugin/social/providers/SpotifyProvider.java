package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Spotify, as better-auth's {@code spotify()}: scope {@code user-read-email}, PKCE, {@code /v1/me}; Spotify never says an address is verified. */
public final class SpotifyProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://accounts.spotify.com/authorize",
            "https://accounts.spotify.com/api/token", "https://api.spotify.com/v1/me", null, null);

    public SpotifyProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "spotify";
    }

    @Override
    public String name() {
        return "Spotify";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("user-read-email");
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        String id = ProviderProfile.text(profile, "id");
        String image = profile.get("images") instanceof List<?> images && !images.isEmpty()
                && images.get(0) instanceof Map<?, ?> first && first.get("url") instanceof String url ? url : null;
        return id == null ? null : new ProviderProfile(id, ProviderProfile.text(profile, "email"), false,
                ProviderProfile.text(profile, "display_name"), image, profile);
    }
}
