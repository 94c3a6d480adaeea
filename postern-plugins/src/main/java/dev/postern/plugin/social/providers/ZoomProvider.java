package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Zoom, as better-auth's {@code zoom()}: no default scopes (the app's configured ones apply), PKCE only when
 * asked for ({@code pkce}), {@code /v2/users/me}; the address is verified when Zoom marks the user verified.
 */
public final class ZoomProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://zoom.us/oauth/authorize",
            "https://zoom.us/oauth/token", "https://api.zoom.us/v2/users/me", null, null);

    private final boolean pkce;

    public ZoomProvider(ProviderSettings settings, ProviderEndpoints endpoints, boolean pkce, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
        this.pkce = pkce;
    }

    @Override
    public String id() {
        return "zoom";
    }

    @Override
    public String name() {
        return "Zoom";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of();
    }

    @Override
    protected boolean pkce() {
        return pkce;
    }

    @Override
    protected ProviderProfile map(Map<String, Object> profile) {
        String id = ProviderProfile.text(profile, "id");
        Object verified = profile.get("verified");
        boolean isVerified = verified instanceof Number n ? n.intValue() != 0 : ProviderProfile.truthy(verified);
        return id == null ? null : new ProviderProfile(id, ProviderProfile.text(profile, "email"), isVerified,
                ProviderProfile.text(profile, "display_name"), ProviderProfile.text(profile, "pic_url"), profile);
    }
}
