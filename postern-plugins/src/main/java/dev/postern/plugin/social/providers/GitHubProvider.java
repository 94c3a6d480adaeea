package dev.postern.plugin.social.providers;

import dev.postern.plugin.social.AuthorizationRequest;
import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import dev.postern.plugin.social.SocialProvider;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
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
public final class GitHubProvider implements SocialProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints(
            "https://github.com/login/oauth/authorize", "https://github.com/login/oauth/access_token",
            "https://api.github.com/user", null, null);

    private final ProviderSettings settings;
    private final ProviderEndpoints endpoints;
    private final Clock clock;

    public GitHubProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        this.settings = settings;
        this.endpoints = endpoints.orElse(ENDPOINTS);
        this.clock = clock;
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
    public ProviderSettings settings() {
        return settings;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        List<String> scopes = new ArrayList<>(settings.disableDefaultScope() ? List.of() : List.of("read:user", "user:email"));
        scopes.addAll(settings.scope());
        scopes.addAll(request.scopes());
        AuthorizationRequest req = new AuthorizationRequest(request.state(), request.codeVerifier(), request.nonce(),
                settings.redirectUri() != null ? settings.redirectUri() : request.redirectUri(), request.scopes(),
                request.loginHint(), request.additionalParams());
        return OAuthHttp.authorizationUrl(endpoints.authorization(), settings.clientId(), req, scopes, " ", Map.of(), true);
    }

    @Override
    public OAuthTokens exchangeCode(String code, String codeVerifier, String redirectUri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("code_verifier", codeVerifier);
        params.put("redirect_uri", settings.redirectUri() != null ? settings.redirectUri() : redirectUri);
        return OAuthHttp.tokenRequest(URI.create(endpoints.token()), params, settings.clientId(), settings.clientSecret(),
                OAuthHttp.ClientAuth.POST, Map.of(), clock);
    }

    @Override
    public boolean supportsRefresh() {
        return true;
    }

    @Override
    public OAuthTokens refresh(String refreshToken) {
        return OAuthHttp.tokenRequest(URI.create(endpoints.token()),
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), settings.clientId(),
                settings.clientSecret(), OAuthHttp.ClientAuth.POST, Map.of(), clock);
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
