package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * X (Twitter), as better-auth's {@code twitter()}: OAuth 2.0 with PKCE only, scopes
 * {@code users.read tweet.read offline.access users.email}, client authentication by HTTP Basic, the user from
 * {@code /2/users/me}; the confirmed address, asked for separately, is verified when X returns one, and the
 * username stands in for a missing address.
 */
public final class TwitterProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://x.com/i/oauth2/authorize",
            "https://api.x.com/2/oauth2/token", "https://api.x.com/2/users/me", null, null);

    public TwitterProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "twitter";
    }

    @Override
    public String name() {
        return "Twitter";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("users.read", "tweet.read", "offline.access", "users.email");
    }

    @Override
    protected OAuthHttp.ClientAuth clientAuth() {
        return OAuthHttp.ClientAuth.BASIC;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        Map<String, Object> document = getJson(endpoints.userInfo() + "?user.fields=profile_image_url", tokens.accessToken());
        if (!(document.get("data") instanceof Map<?, ?> data)) {
            return Optional.empty();
        }
        Map<String, Object> profile = new LinkedHashMap<>((Map<String, Object>) data);
        boolean verified = false;
        try {
            Map<String, Object> email = getJson(endpoints.userInfo() + "?user.fields=confirmed_email", tokens.accessToken());
            if (email.get("data") instanceof Map<?, ?> e && e.get("confirmed_email") instanceof String confirmed && !confirmed.isEmpty()) {
                profile.put("email", confirmed);
                verified = true;
            }
        } catch (RuntimeException e) {
            // Without users.email the address is refused; the sign-in goes on without it.
        }
        String id = ProviderProfile.text(profile, "id");
        return id == null ? Optional.empty() : Optional.of(new ProviderProfile(id,
                UserInfoProvider.firstText(profile, null, "email", "username"), verified,
                ProviderProfile.text(profile, "name"), ProviderProfile.text(profile, "profile_image_url"), profile));
    }
}
