package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Notion, as better-auth's {@code notion()}: no scopes, {@code owner=user}, PKCE, client authentication by
 * HTTP Basic, the integration's owner from {@code /v1/users/me} ({@code Notion-Version: 2022-06-28}).
 */
public final class NotionProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://api.notion.com/v1/oauth/authorize",
            "https://api.notion.com/v1/oauth/token", "https://api.notion.com/v1/users/me", null, null);

    public NotionProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "notion";
    }

    @Override
    public String name() {
        return "Notion";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of();
    }

    @Override
    protected Map<String, String> authorizationParams() {
        return Map.of("owner", "user");
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
        Map<String, Object> me = getJson(endpoints.userInfo(), tokens.accessToken(), Map.of("Notion-Version", "2022-06-28"));
        if (!(me.get("bot") instanceof Map<?, ?> bot) || !(bot.get("owner") instanceof Map<?, ?> owner)
                || !(owner.get("user") instanceof Map<?, ?> user)) {
            return Optional.empty();
        }
        Map<String, Object> profile = (Map<String, Object>) user;
        String id = ProviderProfile.text(profile, "id");
        String email = profile.get("person") instanceof Map<?, ?> person && person.get("email") instanceof String e ? e : null;
        return id == null ? Optional.empty() : Optional.of(new ProviderProfile(id, email, false,
                UserInfoProvider.firstText(profile, "", "name"), ProviderProfile.text(profile, "avatar_url"), profile));
    }
}
