package dev.postern.plugin.social;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.crypto.PurposeKeys;
import dev.postern.crypto.SymmetricEncryption;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ErrorCode;
import dev.postern.json.Json;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.social.providers.GenericOAuthProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in with social and other OAuth 2.0 / OpenID Connect providers, and the provider accounts of a user:
 * better-auth's core routes {@code /sign-in/social}, {@code /callback/:id}, {@code /link-social},
 * {@code /get-access-token}, {@code /refresh-token} and {@code /account-info} ({@code /list-accounts} and
 * {@code /unlink-account} belong to the {@code user} plugin). The standalone server always runs it, as
 * better-auth always has these routes; providers come from {@code postern.yaml} and the environment.
 */
public final class SocialPlugin implements Plugin {
    public static final String ID = "social";
    private static final long STATE_LIFETIME_MILLIS = 600_000;

    private final SocialOptions options;
    private final Map<String, SocialProvider> providers = new LinkedHashMap<>();
    private final OAuthAccounts accounts;
    private final OAuthState state;

    public SocialPlugin(SocialOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        for (SocialProvider provider : options.providers()) {
            if (providers.putIfAbsent(provider.id(), provider) != null) {
                throw new IllegalArgumentException("social provider \"" + provider.id() + "\" is configured twice");
            }
        }
        this.accounts = new OAuthAccounts(options);
        this.state = new OAuthState(options);
    }

    /** No providers: the routes answer PROVIDER_NOT_FOUND until some are configured. */
    public SocialPlugin() {
        this(SocialOptions.of(List.of()));
    }

    @Override
    public String id() {
        return ID;
    }

    public SocialOptions options() {
        return options;
    }

    /** The configured providers, in configuration order. */
    public List<SocialProvider> providers() {
        return List.copyOf(providers.values());
    }

    public Optional<SocialProvider> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /**
     * The provider a request names, ready to use; 404 PROVIDER_NOT_FOUND when it is not configured, or is a
     * generic provider whose discovery document cannot be fetched (better-auth leaves such a provider out).
     */
    SocialProvider requireProvider(String id) {
        SocialProvider provider = providers.get(id);
        if (provider == null || (provider instanceof GenericOAuthProvider generic && !generic.ready())) {
            throw SocialErrorCodes.PROVIDER_NOT_FOUND.toException(dev.postern.http.Status.NOT_FOUND);
        }
        return provider;
    }

    OAuthAccounts accounts() {
        return accounts;
    }

    OAuthState state() {
        return state;
    }

    /** The {@code redirect_uri} registered with a provider: {@code <baseURL>/callback/<id>}. */
    public static String callbackUrl(String authUrl, String providerId) {
        return authUrl + "/callback/" + providerId;
    }

    @Override
    public void init(Postern postern) {
        for (SocialProvider provider : providers.values()) {
            if (provider instanceof GenericOAuthProvider generic) {
                generic.warmUp();
            }
        }
    }

    @Override
    public List<Endpoint> endpoints() {
        ProviderTokens tokens = new ProviderTokens(this);
        return List.of(new SocialSignIn(this).endpoint(), new OAuthCallback(this).endpoint(),
                new LinkSocial(this).endpoint(), tokens.getAccessToken(), tokens.refreshToken(), tokens.accountInfo());
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return SocialErrorCodes.all();
    }

    /**
     * Starts a redirect flow (better-auth's {@code generateState} + {@code createAuthorizationURL}): stores
     * the state, and answers {@code {url, redirect}} with {@code Location} unless {@code disableRedirect}.
     */
    Map<String, Object> startFlow(EndpointContext ctx, SocialProvider provider, Map<String, Object> link) {
        Postern postern = ctx.postern();
        String callbackUrl = ctx.bodyString("callbackURL").filter(s -> !s.isEmpty())
                .orElse(postern.config().baseUrl().toString());
        String verifier = Ids.random(128, Ids.ALPHANUMERIC);
        String nonce = provider.requiresIdTokenNonce() ? Ids.random(32, Ids.ALPHANUMERIC) : null;
        Map<String, Object> data = new LinkedHashMap<>();
        JsonNode additional = ctx.body().get("additionalData");
        if (additional != null && additional.isObject()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> extra = Json.convert(additional, Map.class);
            data.putAll(extra);
        }
        data.put("callbackURL", callbackUrl);
        data.put("codeVerifier", verifier);
        ctx.bodyString("errorCallbackURL").ifPresent(v -> data.put("errorURL", v));
        ctx.bodyString("newUserCallbackURL").ifPresent(v -> data.put("newUserURL", v));
        if (link != null) {
            data.put("link", link);
        }
        data.put("expiresAt", postern.config().clock().millis() + STATE_LIFETIME_MILLIS);
        if (ctx.body().has("requestSignUp")) {
            data.put("requestSignUp", ctx.bodyBoolean("requestSignUp", false));
        }
        if (nonce != null) {
            data.put("idTokenNonce", nonce);
        }
        OAuthState.Generated generated = state.generate(ctx, data);
        List<String> scopes = new ArrayList<>();
        JsonNode requested = ctx.body().get("scopes");
        if (requested != null && requested.isArray()) {
            requested.forEach(s -> scopes.add(s.stringValue()));
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode extra = ctx.body().get("additionalParams");
        if (extra != null && extra.isObject()) {
            extra.properties().forEach(e -> {
                if (e.getValue().isString()) {
                    params.put(e.getKey(), e.getValue().stringValue());
                }
            });
        }
        URI url = provider.authorizationUrl(new AuthorizationRequest(generated.state(), generated.codeVerifier(), nonce,
                callbackUrl(postern.config().authUrl(), provider.id()), scopes,
                ctx.bodyString("loginHint").orElse(null), params));
        boolean redirect = !ctx.bodyBoolean("disableRedirect", false);
        if (redirect) {
            ctx.setHeader("Location", url.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url.toString());
        body.put("redirect", redirect);
        return body;
    }

    /** The session token a link flow carries, sealed so the state row does not hold it in clear. */
    static String sealSessionToken(Postern postern, String token) {
        return SymmetricEncryption.forPurpose(postern.config().secrets(), PurposeKeys.OAUTH_LINK_SESSION_TOKEN).encrypt(token);
    }

    static Optional<String> openSessionToken(Postern postern, String sealed) {
        return SymmetricEncryption.forPurpose(postern.config().secrets(), PurposeKeys.OAUTH_LINK_SESSION_TOKEN).decrypt(sealed);
    }
}
