package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.AuthorizationRequest;
import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TikTok, as better-auth's {@code tiktok()}: the app is named by its {@code client_key} (the configured
 * client id), never {@code client_id}; scope {@code user.info.profile}, comma-joined; no PKCE; the user from
 * {@code /v2/user/info/}. TikTok gives no address, so the username stands in for it, never verified.
 */
public final class TikTokProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://www.tiktok.com/v2/auth/authorize",
            "https://open.tiktokapis.com/v2/oauth/token/", "https://open.tiktokapis.com/v2/user/info/", null, null);

    public TikTokProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "tiktok";
    }

    @Override
    public String name() {
        return "TikTok";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("user.info.profile");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    protected OAuthHttp.ClientAuth clientAuth() {
        return OAuthHttp.ClientAuth.CLIENT_KEY;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        return URI.create(appNamedAuthorizationUrl("client_key", request, Map.of()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        Map<String, Object> document = getJson(endpoints.userInfo() + "?fields=open_id,avatar_large_url,display_name,username",
                tokens.accessToken());
        if (!(document.get("data") instanceof Map<?, ?> data) || !(data.get("user") instanceof Map<?, ?> u)) {
            return Optional.empty();
        }
        Map<String, Object> user = (Map<String, Object>) u;
        String openId = ProviderProfile.text(user, "open_id");
        return openId == null ? Optional.empty() : Optional.of(new ProviderProfile(openId,
                UserInfoProvider.firstText(user, null, "email", "username"), false,
                UserInfoProvider.firstText(user, "", "display_name", "username"),
                ProviderProfile.text(user, "avatar_large_url"), document));
    }
}
