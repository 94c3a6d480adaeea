package dev.postern.plugin.social.providers;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.postern.plugin.social.AuthorizationRequest;
import dev.postern.plugin.social.IdTokenVerifier;
import dev.postern.plugin.social.OAuthHttp;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import dev.postern.plugin.social.SocialProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Google, as better-auth's {@code google()}: scopes {@code email profile openid}, PKCE,
 * {@code include_granted_scopes=true}, the user read from the ID token of the token response
 * ({@code sub}, {@code email}, {@code email_verified}, {@code name}, {@code picture}), and ID-token sign-in
 * against Google's keys (RS256, issuer {@code https://accounts.google.com}, at most an hour old).
 */
public final class GoogleProvider implements SocialProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints(
            "https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token", null,
            "https://www.googleapis.com/oauth2/v3/certs", "https://accounts.google.com");

    private final ProviderSettings settings;
    private final ProviderEndpoints endpoints;
    private final IdTokenVerifier idTokens;
    private final Clock clock;

    public GoogleProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        this.settings = settings;
        this.endpoints = endpoints.orElse(ENDPOINTS);
        this.clock = clock;
        Set<String> issuers = this.endpoints.issuer().equals(ENDPOINTS.issuer())
                ? Set.of("https://accounts.google.com", "accounts.google.com") : Set.of(this.endpoints.issuer());
        this.idTokens = new IdTokenVerifier(URI.create(this.endpoints.jwks()), issuers, List.of(settings.clientId()),
                Set.of(JWSAlgorithm.RS256), Duration.ofHours(1), clock);
    }

    @Override
    public String id() {
        return "google";
    }

    @Override
    public String name() {
        return "Google";
    }

    @Override
    public ProviderSettings settings() {
        return settings;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        List<String> scopes = new ArrayList<>(settings.disableDefaultScope() ? List.of() : List.of("email", "profile", "openid"));
        scopes.addAll(settings.scope());
        scopes.addAll(request.scopes());
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("include_granted_scopes", "true");
        extras.putAll(request.additionalParams());
        AuthorizationRequest withExtras = new AuthorizationRequest(request.state(), request.codeVerifier(), request.nonce(),
                settings.redirectUri() != null ? settings.redirectUri() : request.redirectUri(), request.scopes(),
                request.loginHint(), extras);
        return OAuthHttp.authorizationUrl(endpoints.authorization(), settings.clientId(), withExtras, scopes, " ", Map.of(), true);
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
    public boolean supportsIdTokenSignIn() {
        return !settings.disableIdTokenSignIn();
    }

    @Override
    public boolean verifyIdToken(String idToken, String nonce) {
        return idTokens.verify(idToken, nonce).isPresent();
    }

    /**
     * The ID token of a token response came straight from Google's token endpoint over TLS, so, as in
     * better-auth, its claims are read without a second signature check (OIDC Core §3.1.3.7).
     */
    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        if (tokens.idToken() == null) {
            return Optional.empty();
        }
        JWTClaimsSet claims;
        try {
            claims = JWTParser.parse(tokens.idToken()).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
        Map<String, Object> raw = claims.getClaims();
        String sub = ProviderProfile.text(raw, "sub");
        if (sub == null) {
            return Optional.empty();
        }
        return Optional.of(new ProviderProfile(sub, ProviderProfile.text(raw, "email"),
                ProviderProfile.truthy(raw.get("email_verified")), ProviderProfile.text(raw, "name"),
                ProviderProfile.text(raw, "picture"), raw));
    }
}
