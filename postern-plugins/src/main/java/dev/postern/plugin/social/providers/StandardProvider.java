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

/**
 * What most built-in providers share: an authorization URL with the provider's default scopes plus the
 * configured and requested ones, a code exchange and a refresh at the token endpoint, and JSON reads with
 * the access token. A provider adds its defaults, its quirks and its profile mapping.
 */
public abstract class StandardProvider implements SocialProvider {
    protected final ProviderSettings settings;
    protected final ProviderEndpoints endpoints;
    protected final Clock clock;

    protected StandardProvider(ProviderSettings settings, ProviderEndpoints endpoints, ProviderEndpoints defaults,
            Clock clock) {
        this.settings = settings;
        this.endpoints = endpoints.orElse(defaults);
        this.clock = clock;
    }

    /** The scopes requested unless {@code disableDefaultScope}. */
    protected abstract List<String> defaultScopes();

    /** Whether the provider takes a PKCE challenge (most do; some, like Discord, ignore it). */
    protected boolean pkce() {
        return true;
    }

    /** Fixed authorization parameters of the provider ({@code prompt}, {@code include_granted_scopes}, ...). */
    protected Map<String, String> authorizationParams() {
        return Map.of();
    }

    /** How the client authenticates at the token endpoint: in the body (most), or HTTP Basic. */
    protected OAuthHttp.ClientAuth clientAuth() {
        return OAuthHttp.ClientAuth.POST;
    }

    protected String scopeJoiner() {
        return " ";
    }

    @Override
    public ProviderSettings settings() {
        return settings;
    }

    public ProviderEndpoints endpoints() {
        return endpoints;
    }

    protected String redirectUri(String fallback) {
        return settings.redirectUri() != null ? settings.redirectUri() : fallback;
    }

    /** The default scopes (unless {@code disableDefaultScope}), then the configured ones, then the request's. */
    protected List<String> requestedScopes(AuthorizationRequest request) {
        List<String> scopes = new ArrayList<>(settings.disableDefaultScope() ? List.of() : defaultScopes());
        scopes.addAll(settings.scope());
        scopes.addAll(request.scopes());
        return scopes;
    }

    @Override
    public URI authorizationUrl(AuthorizationRequest request) {
        List<String> scopes = requestedScopes(request);
        AuthorizationRequest effective = new AuthorizationRequest(request.state(), request.codeVerifier(),
                request.nonce(), redirectUri(request.redirectUri()), request.scopes(), request.loginHint(),
                request.additionalParams());
        return OAuthHttp.authorizationUrl(endpoints.authorization(), settings.clientId(), effective, scopes,
                scopeJoiner(), authorizationParams(), pkce());
    }

    /**
     * The authorization URL (without fragment) of a provider that names the app by a parameter of its own
     * ({@code client_key}, {@code appid}) instead of {@code client_id}, joins scopes with commas and takes no
     * PKCE. {@code fixed} parameters go before the request's additional ones, which may replace neither the
     * app's name nor a reserved parameter.
     */
    protected String appNamedAuthorizationUrl(String appParam, AuthorizationRequest request, Map<String, String> fixed) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("scope", String.join(",", requestedScopes(request)));
        params.put("response_type", "code");
        params.put(appParam, settings.clientId());
        params.put("redirect_uri", redirectUri(request.redirectUri()));
        params.put("state", request.state());
        params.putAll(fixed);
        request.additionalParams().forEach((k, v) -> {
            if (!OAuthHttp.RESERVED_PARAMS.contains(k) && !k.equals(appParam)) {
                params.put(k, v);
            }
        });
        return endpoints.authorization() + "?" + OAuthHttp.form(params);
    }

    @Override
    public OAuthTokens exchangeCode(String code, String codeVerifier, String redirectUri) {
        return exchangeCode(code, codeVerifier, redirectUri, null);
    }

    @Override
    public OAuthTokens exchangeCode(String code, String codeVerifier, String redirectUri, String deviceId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        if (pkce() && codeVerifier != null) {
            params.put("code_verifier", codeVerifier);
        }
        if (deviceId != null) {
            params.put("device_id", deviceId);
        }
        params.put("redirect_uri", redirectUri(redirectUri));
        return OAuthHttp.tokenRequest(URI.create(endpoints.token()), params, settings.clientId(), clientSecret(),
                clientAuth(), Map.of(), clock);
    }

    /** The secret sent to the token endpoint; Apple's is a JWT made per request. */
    protected String clientSecret() {
        return settings.clientSecret();
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
        return OAuthHttp.tokenRequest(URI.create(endpoints.token()), params, settings.clientId(), clientSecret(),
                clientAuth(), Map.of(), clock);
    }

    /**
     * The claims of an ID token received from the provider's own token endpoint over TLS, read without a
     * second signature check as better-auth reads them (OIDC Core §3.1.3.7); empty when it is not a JWT.
     */
    protected static java.util.Optional<Map<String, Object>> decodeIdToken(String idToken) {
        if (idToken == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new LinkedHashMap<>(com.nimbusds.jwt.JWTParser.parse(idToken).getJWTClaimsSet().getClaims()));
        } catch (java.text.ParseException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The claims of the ID token in the token response, else the user-info document read with the access
     * token (LINE, Cognito); null when there is neither.
     */
    protected Map<String, Object> idTokenClaimsElseUserInfo(OAuthTokens tokens) {
        java.util.Optional<Map<String, Object>> claims = decodeIdToken(tokens.idToken());
        if (claims.isPresent()) {
            return claims.get();
        }
        return tokens.accessToken() == null ? null : getJson(endpoints.userInfo(), tokens.accessToken());
    }

    /**
     * The user in OpenID Connect's standard claims ({@code sub}, {@code email}, {@code email_verified},
     * {@code picture}), named by the first non-empty of {@code nameClaims}, else ""; null without a
     * {@code sub} (or without claims at all).
     */
    protected static ProviderProfile openIdProfile(Map<String, Object> claims, String... nameClaims) {
        String sub = claims == null ? null : ProviderProfile.text(claims, "sub");
        return sub == null ? null : new ProviderProfile(sub, ProviderProfile.text(claims, "email"),
                ProviderProfile.truthy(claims.get("email_verified")), UserInfoProvider.firstText(claims, "", nameClaims),
                ProviderProfile.text(claims, "picture"), claims);
    }

    /** GETs JSON from {@code url} with the access token as a bearer token. */
    protected static Map<String, Object> getJson(String url, String accessToken) {
        return getJson(url, accessToken, Map.of());
    }

    /** {@link #getJson(String, String)} with extra headers (Notion's {@code Notion-Version}). */
    protected static Map<String, Object> getJson(String url, String accessToken, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + accessToken);
        return OAuthHttp.getJson(URI.create(url), all);
    }
}
