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

/** Linear, as better-auth's {@code linear()}: scope {@code read}, no PKCE, the {@code viewer} of Linear's GraphQL API. */
public final class LinearProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints("https://linear.app/oauth/authorize",
            "https://api.linear.app/oauth/token", "https://api.linear.app/graphql", null, null);
    private static final String QUERY = "{\"query\":\"query { viewer { id name email avatarUrl active createdAt updatedAt } }\"}";

    public LinearProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "linear";
    }

    @Override
    public String name() {
        return "Linear";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("read");
    }

    @Override
    protected boolean pkce() {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        Map<String, Object> answer = OAuthHttp.postJson(URI.create(endpoints.userInfo()),
                Map.of("Authorization", "Bearer " + tokens.accessToken()), QUERY);
        if (!(answer.get("data") instanceof Map<?, ?> data) || !(data.get("viewer") instanceof Map<?, ?> v)) {
            return Optional.empty();
        }
        Map<String, Object> viewer = (Map<String, Object>) v;
        String id = ProviderProfile.text(viewer, "id");
        return id == null ? Optional.empty() : Optional.of(new ProviderProfile(id, ProviderProfile.text(viewer, "email"), false,
                ProviderProfile.text(viewer, "name"), ProviderProfile.text(viewer, "avatarUrl"), viewer));
    }
}
