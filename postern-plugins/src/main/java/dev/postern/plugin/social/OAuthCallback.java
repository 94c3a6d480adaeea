package dev.postern.plugin.social;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.session.Session;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET|POST /callback/:id}: where providers send the browser back. A POST (Apple's and others'
 * {@code response_mode=form_post}) is re-issued as a 302 GET with the same parameters, so the state cookie,
 * which is {@code SameSite=Lax}, comes along. The GET checks the state, the {@code iss} parameter
 * (RFC 9207) and the nonce binding, exchanges the code, reads the user, then links the account
 * ({@code /link-social} flows) or signs the user in or up, and redirects to the flow's callback URL.
 * Every failure redirects to the flow's {@code errorCallbackURL}, else {@code <baseURL>/error}, with
 * better-auth's {@code ?error=} code. Called from Java, the redirect is thrown as an
 * {@link ApiException} with status 302 ({@link SocialApi#callbackOAuth} turns it into a value).
 */
final class OAuthCallback {
    private static final Logger LOG = LoggerFactory.getLogger(OAuthCallback.class);
    private static final List<String> FIELDS = List.of("code", "error", "device_id", "error_description", "state", "user", "iss");

    private final SocialPlugin plugin;

    OAuthCallback(SocialPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint endpoint() {
        ObjectSchema schema = Schemas.object();
        for (String field : FIELDS) {
            schema = schema.optional(field, Schemas.string());
        }
        return Endpoint.route("/callback/:id", "GET", "POST")
                .name("callbackOAuth")
                .summary("Callback from the provider: signs in, signs up or links, then redirects")
                .response(ResponseSchemas.REDIRECT)
                .query(schema)
                .body(schema)
                .acceptForms()
                .hidden()
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        Postern postern = ctx.postern();
        String defaultErrorUrl = postern.config().authUrl() + "/error";
        // Only a browser's POST is re-issued: a Java call (postern.api()) has no cookie to bring along and
        // runs as better-call's direct calls do, with the first method (GET), reading the query.
        if (ctx.isHttp() && ctx.request().method().equals("POST")) {
            Map<String, String> merged = new LinkedHashMap<>();
            for (String field : FIELDS) {
                String value = field(ctx.body(), field).orElse(null);
                value = ctx.queryString(field).orElse(value);
                if (value != null) {
                    merged.put(field, value);
                }
            }
            throw ApiException.redirect(SocialPlugin.callbackUrl(postern.config().authUrl(), ctx.param("id"))
                    + "?" + OAuthHttp.form(merged));
        }
        String stateValue = ctx.queryString("state").orElse(null);
        if (stateValue == null || stateValue.isEmpty()) {
            throw redirect(defaultErrorUrl, "state_not_found", null);
        }
        Map<String, Object> state;
        try {
            state = plugin.state().parse(ctx, stateValue);
        } catch (OAuthState.StateException e) {
            throw redirect(e.errorUrl != null ? e.errorUrl : defaultErrorUrl, e.code, null);
        }
        String errorUrl = state.get("errorURL") instanceof String s ? s : defaultErrorUrl;
        Optional<String> error = ctx.queryString("error");
        if (error.isPresent()) {
            throw redirect(errorUrl, error.get(), ctx.queryString("error_description").orElse(null));
        }
        String code = ctx.queryString("code").orElse(null);
        if (code == null || code.isEmpty()) {
            throw redirect(errorUrl, "no_code", null);
        }
        SocialProvider provider = plugin.provider(ctx.param("id")).orElse(null);
        if (provider == null) {
            throw redirect(errorUrl, "oauth_provider_not_found", null);
        }
        String nonce = state.get("idTokenNonce") instanceof String n ? n : null;
        Exchanged exchanged = exchange(ctx, provider, code, (String) state.get("codeVerifier"), nonce, errorUrl);
        String callbackUrl = (String) state.get("callbackURL");
        if (state.get("link") instanceof Map<?, ?> link) {
            linkAccount(postern, provider, exchanged, link, errorUrl);
            throw ApiException.redirect(callbackUrl);
        }
        if (exchanged.profile().email() == null || exchanged.profile().email().isEmpty()) {
            LOG.error("Provider \"{}\" did not return an email. Request the provider's email scope.", provider.id());
            throw redirect(errorUrl, "email_not_found", null);
        }
        boolean requestSignUp = Boolean.TRUE.equals(state.get("requestSignUp"));
        boolean disableSignUp = (provider.settings().disableImplicitSignUp() && !requestSignUp)
                || provider.settings().disableSignUp();
        OAuthAccounts.SignIn result = plugin.accounts().signIn(postern, provider, exchanged.profile(),
                exchanged.tokens(), disableSignUp, provider.settings().overrideUserInfoOnSignIn());
        if (result.error() != null) {
            throw redirect(errorUrl, result.error().replace(' ', '_'), null);
        }
        Session session = postern.sessions().create(ctx, result.user(), true);
        if (session == null) {
            throw redirect(errorUrl, "unable_to_create_session", null);
        }
        String target = result.isRegister() && state.get("newUserURL") instanceof String newUser ? newUser : callbackUrl;
        throw ApiException.redirect(target);
    }

    private record Exchanged(OAuthTokens tokens, ProviderProfile profile) {
    }

    /** better-auth's {@code exchangeOAuthCallback}: issuer, nonce binding, code exchange, user. */
    private Exchanged exchange(EndpointContext ctx, SocialProvider provider, String code, String verifier,
            String nonce, String errorUrl) {
        Optional<String> iss = ctx.queryString("iss");
        Optional<String> expected;
        try {
            expected = provider.issuer();
        } catch (RuntimeException e) {
            LOG.error("Provider \"{}\" is not reachable: {}", provider.id(), e.getMessage());
            throw redirect(errorUrl, "invalid_code", null);
        }
        if (iss.isPresent() && expected.isPresent() && !iss.get().equals(expected.get())) {
            LOG.error("OAuth issuer mismatch for \"{}\"", provider.id());
            throw redirect(errorUrl, "issuer_mismatch", null);
        }
        if (provider.requiresIdTokenNonce() && nonce == null) {
            throw redirect(errorUrl, "nonce_binding_missing", null);
        }
        OAuthTokens tokens;
        try {
            tokens = provider.exchangeCode(code, verifier,
                    SocialPlugin.callbackUrl(ctx.postern().config().authUrl(), provider.id()),
                    ctx.queryString("device_id").orElse(null));
        } catch (RuntimeException e) {
            LOG.error("Failed to validate authorization code for \"{}\": {}", provider.id(), e.getMessage());
            throw redirect(errorUrl, "invalid_code", null);
        }
        Optional<ProviderProfile> profile;
        try {
            profile = provider.userInfo(tokens, nonce, ctx.queryString("user").orElse(null));
        } catch (RuntimeException e) {
            LOG.error("Unable to get user info from \"{}\": {}", provider.id(), e.getMessage());
            profile = Optional.empty();
        }
        if (profile.isEmpty()) {
            throw redirect(errorUrl, "unable_to_get_user_info", null);
        }
        return new Exchanged(tokens, profile.get());
    }

    private void linkAccount(Postern postern, SocialProvider provider, Exchanged exchanged, Map<?, ?> link,
            String errorUrl) {
        String userId = String.valueOf(link.get("userId"));
        String email = link.get("email") instanceof String e ? e : "";
        // The session that started the link must still be live and belong to the same user.
        if (link.get("encryptedSessionToken") instanceof String sealed) {
            boolean live = SocialPlugin.openSessionToken(postern, sealed)
                    .flatMap(postern.sessions()::findByToken)
                    .filter(s -> s.userId().equals(userId) && s.expiresAt().isAfter(postern.config().clock().instant()))
                    .isPresent();
            if (!live) {
                throw redirect(errorUrl, "unable_to_link_account", null);
            }
        }
        Optional<String> failure = plugin.accounts().link(postern, provider, exchanged.profile(), exchanged.tokens(),
                userId, email);
        if (failure.isPresent()) {
            throw redirect(errorUrl, failure.get(), null);
        }
    }

    /** better-auth's {@code appendQueryParams(errorURL, {error, error_description})} as a 302. */
    static ApiException redirect(String base, String error, String description) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        if (description != null && !description.isEmpty()) {
            params.put("error_description", description);
        }
        String joiner = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
        return ApiException.redirect(base + joiner + OAuthHttp.form(params));
    }

    private static Optional<String> field(JsonNode body, String name) {
        if (body == null) {
            return Optional.empty();
        }
        JsonNode value = body.get(name);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }
}
