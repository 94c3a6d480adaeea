package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitLab, as better-auth's {@code gitlab()}: scope {@code read_user}, PKCE, the user from
 * {@code /api/v4/user}. A self-hosted GitLab is reached by its {@code issuer} (base URL), from which the
 * three endpoints are derived, exactly as better-auth derives them.
 */
public final class GitLabProvider extends StandardProvider {
    public GitLabProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, defaults(endpoints.issuer()), clock);
    }

    /** The endpoints of a GitLab at {@code baseUrl} ({@code https://gitlab.com} when null). */
    public static ProviderEndpoints defaults(String baseUrl) {
        String base = baseUrl == null ? "https://gitlab.com" : baseUrl.replaceAll("/+$", "");
        return new ProviderEndpoints(base + "/oauth/authorize", base + "/oauth/token", base + "/api/v4/user", null, null);
    }

    @Override
    public String id() {
        return "gitlab";
    }

    @Override
    public String name() {
        return "Gitlab";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("read_user");
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        Map<String, Object> profile = getJson(endpoints.userInfo(), tokens.accessToken());
        String id = ProviderProfile.text(profile, "id");
        if (id == null) {
            return Optional.empty();
        }
        String name = ProviderProfile.text(profile, "name");
        if (name == null) {
            name = ProviderProfile.text(profile, "username");
        }
        return Optional.of(new ProviderProfile(id, ProviderProfile.text(profile, "email"),
                ProviderProfile.truthy(profile.get("email_verified")), name == null ? "" : name,
                ProviderProfile.text(profile, "avatar_url"), profile));
    }
}
