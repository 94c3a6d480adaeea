package dev.postern.plugin.social.providers;

import com.nimbusds.jose.JWSAlgorithm;
import dev.postern.plugin.social.IdTokenVerifier;
import dev.postern.plugin.social.OAuthTokens;
import dev.postern.plugin.social.ProviderProfile;
import dev.postern.plugin.social.ProviderSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
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
public final class GoogleProvider extends StandardProvider {
    public static final ProviderEndpoints ENDPOINTS = new ProviderEndpoints(
            "https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token", null,
            "https://www.googleapis.com/oauth2/v3/certs", "https://accounts.google.com");

    private final IdTokenVerifier idTokens;

    public GoogleProvider(ProviderSettings settings, ProviderEndpoints endpoints, Clock clock) {
        super(settings, endpoints, ENDPOINTS, clock);
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
    protected List<String> defaultScopes() {
        return List.of("email", "profile", "openid");
    }

    @Override
    protected Map<String, String> authorizationParams() {
        return Map.of("include_granted_scopes", "true");
    }

    @Override
    public boolean supportsIdTokenSignIn() {
        return !settings.disableIdTokenSignIn();
    }

    @Override
    public boolean verifyIdToken(String idToken, String nonce) {
        return idTokens.verify(idToken, nonce).isPresent();
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        return decodeIdToken(tokens.idToken()).flatMap(raw -> {
            String sub = ProviderProfile.text(raw, "sub");
            return sub == null ? Optional.empty() : Optional.of(new ProviderProfile(sub, ProviderProfile.text(raw, "email"),
                    ProviderProfile.truthy(raw.get("email_verified")), ProviderProfile.text(raw, "name"),
                    ProviderProfile.text(raw, "picture"), raw));
        });
    }
}
