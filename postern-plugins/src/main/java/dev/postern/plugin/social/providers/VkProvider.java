package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VK ID, as better-auth's {@code vk()}: scopes {@code email phone}, PKCE, the {@code device_id} VK returns
 * with the code passed on to the token request, and the user from {@code /oauth2/user_info} (a form POST of
 * the access token and client id); the name is first and last name; never a verified address.
 */
public final class VkProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://id.vk.com/authorize",
            "https://id.vk.com/oauth2/auth", "https://id.vk.com/oauth2/user_info", null, null);

    public VkProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "vk";
    }

    @Override
    public String name() {
        return "VK";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("email", "phone");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        Map<String, Object> document = dev.postern.plugin.social.OAuthHttp.postForm(java.net.URI.create(endpoints.userInfo()),
                Map.of("access_token", tokens.accessToken(), "client_id", settings.clientId()));
        if (!(document.get("user") instanceof Map<?, ?> u)) {
            return Optional.empty();
        }
        Map<String, Object> user = (Map<String, Object>) u;
        String id = ProviderProfile.text(user, "user_id");
        String first = UserInfoProvider.firstText(user, "", "first_name");
        String last = UserInfoProvider.firstText(user, "", "last_name");
        return id == null ? Optional.empty() : Optional.of(new ProviderProfile(id, ProviderProfile.text(user, "email"), false,
                (first + " " + last).trim(), ProviderProfile.text(user, "avatar"), document));
    }
}
