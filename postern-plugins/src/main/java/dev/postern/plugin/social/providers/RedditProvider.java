package dev.postern.plugin.social.providers;

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
 * Reddit, as better-auth's {@code reddit()}: scope {@code identity}, no PKCE, client authentication by HTTP
 * Basic, an optional {@code duration} ({@code permanent} for refresh tokens), the user from {@code /api/v1/me}
 * (sent with a User-Agent, which Reddit requires). Reddit gives no address, so the user gets
 * {@code <id>@reddit.invalid}, never verified; the icon loses its query string.
 */
public final class RedditProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://www.reddit.com/api/v1/authorize",
            "https://www.reddit.com/api/v1/access_token", "https://oauth.reddit.com/api/v1/me", null, null);

    private final String duration;

    public RedditProvider(ProviderSettings settings, ProviderEndpoints endpoints, String duration, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
        this.duration = duration;
    }

    @Override
    public String id() {
        return "reddit";
    }

    @Override
    public String name() {
        return "Reddit";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("identity");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    protected OAuthHttp.ClientAuth clientAuth() {
        return OAuthHttp.ClientAuth.BASIC;
    }

    @Override
    protected Map<String, String> authorizationParams() {
        return duration == null ? Map.of() : Map.of("duration", duration);
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        Map<String, Object> profile = OAuthHttp.getJson(URI.create(endpoints.userInfo()),
                Map.of("Authorization", "Bearer " + tokens.accessToken(), "User-Agent", "postern"));
        String id = ProviderProfile.text(profile, "id");
        String icon = ProviderProfile.text(profile, "icon_img");
        return id == null ? Optional.empty() : Optional.of(new ProviderProfile(id, id + "@reddit.invalid", false,
                ProviderProfile.text(profile, "name"), icon == null ? null : icon.split("\\?", 2)[0], profile));
    }
}
