package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facebook, as better-auth's {@code facebook()}: scopes {@code email public_profile}, no PKCE, Graph API
 * v24.0. The access token is first checked with {@code /debug_token} (valid, issued to this app, and for
 * which user), then {@code /me?fields=id,name,email,picture} must be that same user; Facebook never says an
 * address is verified. The ID-token (Limited Login) path is not offered.
 */
public final class FacebookProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://www.facebook.com/v24.0/dialog/oauth",
            "https://graph.facebook.com/v24.0/oauth/access_token", "https://graph.facebook.com", null, null);

    public FacebookProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "facebook";
    }

    @Override
    public String name() {
        return "Facebook";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("email", "public_profile");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null || settings.clientSecret() == null) {
            return Optional.empty();
        }
        String appToken = settings.clientId() + "|" + settings.clientSecret();
        Map<String, Object> debug = OAuthHttp.getJson(URI.create(endpoints.userInfo() + "/debug_token?input_token="
                + encode(tokens.accessToken()) + "&access_token=" + encode(appToken)), Map.of());
        if (!(debug.get("data") instanceof Map<?, ?> data) || !Boolean.TRUE.equals(data.get("is_valid"))
                || !settings.clientId().equals(String.valueOf(data.get("app_id"))) || data.get("user_id") == null) {
            return Optional.empty();
        }
        String tokenUser = String.valueOf(data.get("user_id"));
        Map<String, Object> profile = getJson(endpoints.userInfo() + "/me?fields=id,name,email,picture", tokens.accessToken());
        String id = ProviderProfile.text(profile, "id");
        if (id == null || !id.equals(tokenUser)) {
            return Optional.empty();
        }
        String picture = profile.get("picture") instanceof Map<?, ?> p && p.get("data") instanceof Map<?, ?> d
                && d.get("url") instanceof String url ? url : null;
        return Optional.of(new ProviderProfile(id, ProviderProfile.text(profile, "email"),
                ProviderProfile.truthy(profile.get("email_verified")), ProviderProfile.text(profile, "name"), picture, profile));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
