package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Patreon, as better-auth's generic-OAuth preset {@code patreon()}: scope {@code identity[email]}, PKCE,
 * the user from the v2 {@code identity} endpoint's {@code data.attributes}.
 */
public final class PatreonProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://www.patreon.com/oauth2/authorize",
            "https://www.patreon.com/api/oauth2/token",
            "https://www.patreon.com/api/oauth2/v2/identity?fields%5Buser%5D=email,full_name,image_url,is_email_verified",
            null, null);

    public PatreonProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "patreon";
    }

    @Override
    public String name() {
        return "Patreon";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("identity[email]");
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ProviderProfile map(Map<String, Object> document) {
        if (!(document.get("data") instanceof Map<?, ?> d)) {
            return null;
        }
        Map<String, Object> data = (Map<String, Object>) d;
        Map<String, Object> attributes = data.get("attributes") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
        String id = ProviderProfile.text(data, "id");
        return id == null ? null : new ProviderProfile(id, ProviderProfile.text(attributes, "email"),
                ProviderProfile.truthy(attributes.get("is_email_verified")), ProviderProfile.text(attributes, "full_name"),
                ProviderProfile.text(attributes, "image_url"), document);
    }
}
