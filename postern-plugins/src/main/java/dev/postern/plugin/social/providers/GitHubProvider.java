package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub, as better-auth's {@code github()}: scopes {@code read:user user:email}, PKCE, the profile from
 * {@code /user} and the addresses from {@code /user/emails} (a private address is missing from the profile,
 * so the primary one is taken), verified when GitHub lists that address as verified; the name falls back to
 * the login. The account id is the numeric user id.
 */
public final class GitHubProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints(
            "https://github.com/login/oauth/authorize", "https://github.com/login/oauth/access_token",
            "https://api.github.com/user", null, null);

    public GitHubProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
    }

    @Override
    public String id() {
        return "github";
    }

    @Override
    public String name() {
        return "GitHub";
    }

    @Override
    protected List<String> defaultScopes() {
        return List.of("read:user", "user:email");
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.accessToken() == null) {
            return Optional.empty();
        }
        Map<String, String> auth = Map.of("Authorization", "Bearer " + tokens.accessToken());
        Map<String, Object> profile = new LinkedHashMap<>(OAuthHttp.getJson(URI.create(endpoints.userInfo()), auth));
        List<Object> emails = List.of();
        try {
            emails = OAuthHttp.getJsonArray(URI.create(endpoints.userInfo() + "/emails"), auth);
        } catch (RuntimeException e) {
            // Without user:email the list is refused; the profile's public address is all there is.
        }
        String email = ProviderProfile.text(profile, "email");
        if (email == null) {
            email = emails.stream().filter(Map.class::isInstance).map(m -> (Map<?, ?>) m)
                    .filter(m -> Boolean.TRUE.equals(m.get("primary"))).map(m -> (String) m.get("email"))
                    .findFirst().orElse(emails.isEmpty() ? null : (String) ((Map<?, ?>) emails.get(0)).get("email"));
            profile.put("email", email);
        }
        String address = email;
        boolean verified = emails.stream().filter(Map.class::isInstance).map(m -> (Map<?, ?>) m)
                .anyMatch(m -> address != null && address.equals(m.get("email")) && Boolean.TRUE.equals(m.get("verified")));
        String id = ProviderProfile.text(profile, "id");
        if (id == null) {
            return Optional.empty();
        }
        String name = ProviderProfile.text(profile, "name");
        if (name == null || name.isEmpty()) {
            name = ProviderProfile.text(profile, "login");
        }
        return Optional.of(new ProviderProfile(id, email, verified, name == null ? "" : name,
                ProviderProfile.text(profile, "avatar_url"), profile));
    }
}
