package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Kakao, as better-auth's {@code kakao()}: scopes {@code account_email profile_image profile_nickname}, no
 * PKCE, {@code /v2/user/me}; the address counts as verified only when Kakao says it is both valid and verified.
 */
public final class KakaoProvider extends UserInfoProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://kauth.kakao.com/oauth/authorize",
            "https://kauth.kakao.com/oauth/token", "https://kapi.kakao.com/v2/user/me", null, null);

    public KakaoProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "kakao";
    }

    @Override
    public String name() {
        return "Kakao";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("account_email", "profile_image", "profile_nickname");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected ProviderProfile map(Map<String, Object> profile) {
        String id = ProviderProfile.text(profile, "id");
        if (id == null) {
            return null;
        }
        Map<String, Object> account = profile.get("kakao_account") instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
        Map<String, Object> kakao = account.get("profile") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        String name = firstText(kakao, null, "nickname");
        return new ProviderProfile(id, ProviderProfile.text(account, "email"),
                Boolean.TRUE.equals(account.get("is_email_valid")) && Boolean.TRUE.equals(account.get("is_email_verified")),
                name != null ? name : firstText(account, "", "name"),
                firstText(kakao, null, "profile_image_url", "thumbnail_image_url"), profile);
    }
}
