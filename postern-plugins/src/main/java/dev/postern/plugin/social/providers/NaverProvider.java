package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Naver, as better-auth's {@code naver()}: scopes {@code profile email}, no PKCE, the {@code response} of {@code /v1/nid/me}. */
public final class NaverProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://nid.naver.com/oauth2.0/authorize",
            "https://nid.naver.com/oauth2.0/token", "https://openapi.naver.com/v1/nid/me", null, null);

    public NaverProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "naver";
    }

    @Override
    public String name() {
        return "Naver";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("profile", "email");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ProviderProfile map(Map<String, Object> document) {
        if (!(document.get("response") instanceof Map<?, ?> r)) {
            return null;
        }
        Map<String, Object> profile = (Map<String, Object>) r;
        String id = ProviderProfile.text(profile, "id");
        return id == null ? null : new ProviderProfile(id, ProviderProfile.text(profile, "email"), false,
                firstText(profile, "", "name", "nickname"), ProviderProfile.text(profile, "profile_image"), document);
    }
}
