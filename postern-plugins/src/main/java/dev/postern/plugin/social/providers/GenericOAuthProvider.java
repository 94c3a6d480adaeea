package dev.postern.plugin.social.providers;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.postern.plugin.social.AuthorizationRequest;
import dev.postern.plugin.social.IdTokenVerifier;
import dev.postern.plugin.social.OAuthException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider of better-auth 1.7's generic OAuth plugin, registered as a social provider like any built-in
 * one. With a discovery URL the document is fetched on first use (and again on the next use after a
 * failure, as better-auth retries a pending discovery), giving the endpoints, the issuer checked against
 * the callback's {@code iss}, and the JWKS that ID tokens are verified against. A provider whose discovery
 * lists ID-token signing algorithms is OpenID Connect: {@code openid} is always requested, a {@code nonce}
 * binds the ID token to the flow, and the account id is the ID token's {@code sub}.
 */
public final class GenericOAuthProvider implements SocialProvider {
    private static final Logger LOG = LoggerFactory.getLogger(GenericOAuthProvider.class);

    private final GenericOAuthConfig config;
    private final Clock clock;
    private volatile Resolved resolved;

    /** The endpoints in use once discovery (if any) has answered. */
    private record Resolved(String authorizationUrl, String tokenUrl, String userInfoUrl, String issuer,
            IdTokenVerifier idTokens, boolean oidc) {
    }

    public GenericOAuthProvider(GenericOAuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        if (config.discoveryUrl() == null) {
            resolved = new Resolved(config.authorizationUrl(), config.tokenUrl(), config.userInfoUrl(), null, null, false);
        }
    }

    public GenericOAuthConfig config() {
        return config;
    }

    @Override
    public String id() {
        return config.providerId();
    }

    @Override
    public ProviderSettings settings() {
        return config.settings();
    }

    private Resolved resolved() {
        Resolved current = resolved;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (resolved == null) {
                resolved = discover();
            }
            return resolved;
        }
    }

    private Resolved discover() {
        Map<String, Object> doc = OAuthHttp.getJson(URI.create(config.discoveryUrl()), Map.of());
        String issuer = doc.get("issuer") instanceof String s ? s : null;
        String authorization = first(config.authorizationUrl(), doc.get("authorization_endpoint"));
        String token = first(config.tokenUrl(), doc.get("token_endpoint"));
        String userInfo = first(config.userInfoUrl(), doc.get("userinfo_endpoint"));
        if (authorization == null || token == null) {
            throw new OAuthException("discovery of " + id() + " left no authorization or token endpoint");
        }
        List<String> algs = doc.get("id_token_signing_alg_values_supported") instanceof List<?> l
                ? l.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
        boolean oidc = !algs.isEmpty();
        IdTokenVerifier verifier = null;
        if (doc.get("jwks_uri") instanceof String jwks && issuer != null) {
            verifier = new IdTokenVerifier(URI.create(config.discoveryUrl()).resolve(jwks), java.util.Set.of(issuer),
                    List.of(settings().clientId()), IdTokenVerifier.algorithms(algs), null, clock);
        }
        return new Resolved(authorization, token, userInfo, issuer, verifier, oidc);
    }

    private static String first(String configured, Object discovered) {
        return configured != null ? configured : discovered instanceof String s ? s : null;
    }

    /**
     * Whether the provider can be used: true once discovery has answered (tried again here when it failed
     * before, as better-auth retries a pending discovery on the next request that names the provider).
     */
    public boolean ready() {
        try {
            resolved();
            return true;
        } catch (RuntimeException e) {
            LOG.error("Discovery for OAuth provider \"{}\" failed: {}", id(), e.getMessage());
            return false;
        }
    }

    /** Resolves discovery now; start-up calls it so a wrong URL is logged early, and failure is retried later. */
    public void warmUp() {
        try {
            resolved();
        } catch (RuntimeException e) {
            LOG.warn("Discovery for OAuth provider \"{}\" failed ({}); it is retried on first use", id(), e.getMessage());
        }
    }

    @Override
    public Optional<String> issuer() {
        return Optional.ofNullable(resolved().issuer());
    }

    @Override
    public boolean requiresIdTokenNonce() {
        return resolved().idTokens() != null;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        Resolved r = resolved();
        List<String> scopes = new ArrayList<>(request.scopes());
        scopes.addAll(settings().scope());
        if (r.oidc() && !scopes.contains("openid")) {
            scopes.add(0, "openid");
        }
        Map<String, String> extras = new LinkedHashMap<>(config.authorizationUrlParams());
        extras.putAll(request.additionalParams());
        AuthorizationRequest withExtras = new AuthorizationRequest(request.state(), request.codeVerifier(),
                request.nonce(), redirectUri(request.redirectUri()), request.scopes(), request.loginHint(), extras);
        return OAuthHttp.authorizationUrl(r.authorizationUrl(), settings().clientId(), withExtras, scopes, " ",
                Map.of(), config.pkce());
    }

    private String redirectUri(String fallback) {
        return settings().redirectUri() != null ? settings().redirectUri() : fallback;
    }

    @Override
    public OAuthTokens exchangeCode(String code, String codeVerifier, String redirectUri) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        if (config.pkce() && codeVerifier != null) {
            params.put("code_verifier", codeVerifier);
        }
        params.put("redirect_uri", redirectUri(redirectUri));
        return OAuthHttp.tokenRequest(URI.create(resolved().tokenUrl()), params, settings().clientId(),
                settings().clientSecret(), config.authentication(), Map.of(), clock);
    }

    @Override
    public boolean supportsRefresh() {
        return true;
    }

    @Override
    public OAuthTokens refresh(String refreshToken) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "refresh_token");
        params.put("refresh_token", refreshToken);
        return OAuthHttp.tokenRequest(URI.create(resolved().tokenUrl()), params, settings().clientId(),
                settings().clientSecret(), config.authentication(), Map.of(), clock);
    }

    @Override
    public boolean supportsIdTokenSignIn() {
        return !settings().disableIdTokenSignIn() && resolved().idTokens() != null;
    }

    @Override
    public boolean verifyIdToken(String idToken, String nonce) {
        IdTokenVerifier verifier = resolved().idTokens();
        return verifier != null && verifier.verify(idToken, nonce).isPresent();
    }

    @Override
    public Optional<ProviderProfile> userInfo(OAuthTokens tokens, String expectedNonce, String userJson) {
        Resolved r = resolved();
        Map<String, Object> idClaims = null;
        if (tokens.idToken() != null && r.idTokens() != null) {
            Optional<JWTClaimsSet> verified = r.idTokens().verify(tokens.idToken(), expectedNonce);
            if (verified.isEmpty()) {
                LOG.error("Provider \"{}\": id_token failed verification against the discovery JWKS or expected nonce", id());
                return Optional.empty();
            }
            idClaims = verified.get().getClaims();
        }
        Map<String, Object> raw = null;
        if (idClaims != null && idClaims.get("sub") != null && idClaims.get("email") != null) {
            raw = new LinkedHashMap<>(idClaims);
        } else if (r.userInfoUrl() != null && tokens.accessToken() != null) {
            try {
                raw = OAuthHttp.getJson(URI.create(r.userInfoUrl()), Map.of("Authorization", "Bearer " + tokens.accessToken()));
            } catch (OAuthException e) {
                LOG.warn("Provider \"{}\": user info request failed: {}", id(), e.getMessage());
                return Optional.empty();
            }
        }
        if (raw == null) {
            return Optional.empty();
        }
        // The user-info answer must be about the ID token's subject (OIDC Core §5.3.4).
        if (idClaims != null && raw.get("sub") != null && !String.valueOf(raw.get("sub")).equals(idClaims.get("sub"))) {
            return Optional.empty();
        }
        String accountId = ProviderProfile.text(raw, mapped("id", r.oidc() ? "sub" : "id"));
        if (r.oidc() && idClaims != null) {
            accountId = (String) idClaims.get("sub");
        }
        if (accountId == null && !r.oidc()) {
            accountId = ProviderProfile.text(raw, "sub");
        }
        if (accountId == null || accountId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ProviderProfile(accountId,
                ProviderProfile.text(raw, mapped("email", "email")),
                ProviderProfile.truthy(raw.get(mapped("emailVerified", "email_verified"))),
                ProviderProfile.text(raw, mapped("name", "name")),
                ProviderProfile.text(raw, mapped("image", "picture")),
                raw));
    }

    private String mapped(String field, String fallback) {
        return config.profileMapping().getOrDefault(field, fallback);
    }
}
