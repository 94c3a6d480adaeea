package dev.postern.plugin.magiclink;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.json.Json;
import dev.postern.plugin.emailpassword.CallbackUrls;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Output;
import dev.postern.security.RedirectPolicy;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.StoreUnavailableException;
import dev.postern.store.UniqueViolationException;
import dev.postern.user.UnprovenAccountAccess;
import dev.postern.validation.EmailAddresses;
import dev.postern.validation.Schemas;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /magic-link/verify}: redeems a link once and signs its owner in, creating the account on first
 * use unless sign-up is disabled. With a {@code callbackURL} (every mailed link has one) the answer is a
 * redirect, to {@code newUserCallbackURL} for a new account; without one (the client's
 * {@code magicLink.verify}) it is {@code {token, user, session}}. Every failure redirects to
 * {@code errorCallbackURL} (else {@code callbackURL}) with better-auth's {@code ?error=} code.
 */
final class MagicLinkVerification {
    private static final Set<String> RECORD_KEYS = Set.of("type", "email", "name");

    private final MagicLinkOptions options;

    MagicLinkVerification(MagicLinkOptions options) {
        this.options = options;
    }

    Endpoint endpoint() {
        return Endpoint.get("/magic-link/verify")
                .name("magicLinkVerify")
                .query(Schemas.object()
                        .required("token", Schemas.string())
                        .optional("callbackURL", Schemas.string())
                        .optional("errorCallbackURL", Schemas.string())
                        .optional("newUserCallbackURL", Schemas.string()))
                .summary("Verify magic link")
                .tags("Magic link")
                .response(ResponseSchemas.object(ResponseSchemas.ordered("token", ResponseSchemas.string(),
                        "user", ResponseSchemas.USER, "session", ResponseSchemas.SESSION)))
                .noStore()
                .errors("INVALID_CALLBACK_URL")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        Optional<String> requestedCallback = ctx.queryString("callbackURL").filter(s -> !s.isEmpty());
        // better-auth checks all three with one middleware labelled callbackURL, hence one code for all.
        RedirectPolicy.require(ctx, requestedCallback.orElse(null), RedirectPolicy.INVALID_CALLBACK_URL);
        RedirectPolicy.require(ctx, ctx.queryString("newUserCallbackURL").orElse(null), RedirectPolicy.INVALID_CALLBACK_URL);
        RedirectPolicy.require(ctx, ctx.queryString("errorCallbackURL").orElse(null), RedirectPolicy.INVALID_CALLBACK_URL);
        Postern postern = ctx.postern();
        String authUrl = postern.config().authUrl();
        String callbackUrl = absolute(authUrl, requestedCallback.orElse("/"));
        String errorUrl = ctx.queryString("errorCallbackURL").filter(s -> !s.isEmpty()).orElse(callbackUrl);
        String newUserUrl = absolute(authUrl, ctx.queryString("newUserCallbackURL").filter(s -> !s.isEmpty())
                .orElse(callbackUrl));
        Failure fail = code -> ApiException.redirect(CallbackUrls.resolveWithParameter(authUrl, errorUrl, "error", code));

        String identifier = MagicLinkPlugin.identifier(options.storeToken().apply(ctx.queryString("token").orElseThrow()));
        if (postern.verifications().find(identifier).flatMap(MagicLinkVerification::record).isEmpty()) {
            throw fail.with(MagicLinkErrorCodes.INVALID_TOKEN.code());
        }
        // The atomic consume is the gate: of two concurrent redemptions only one gets the row.
        JsonNode record = postern.verifications().consume(identifier).flatMap(MagicLinkVerification::record)
                .orElseThrow(() -> fail.with(MagicLinkErrorCodes.INVALID_TOKEN.code()));
        String email = record.get("email").asString();
        String name = record.hasNonNull("name") ? record.get("name").asString() : "";

        boolean isNewUser = false;
        Optional<Row> found = postern.users().findByEmail(email);
        Row user;
        if (found.isPresent()) {
            user = found.get();
        } else if (options.disableSignUp()) {
            throw fail.with(MagicLinkErrorCodes.NEW_USER_SIGNUP_DISABLED.code());
        } else {
            Optional<Row> created = createUser(postern, email, name, fail);
            isNewUser = created.isPresent();
            // Empty: a concurrent sign-up of the same address won; sign in to that account.
            user = created.or(() -> postern.users().findByEmail(email))
                    .orElseThrow(() -> fail.with(MagicLinkErrorCodes.FAILED_TO_CREATE_USER.code()));
        }
        if (!Boolean.TRUE.equals(user.bool("emailVerified"))) {
            user = UnprovenAccountAccess.revoke(postern, user.id())
                    .orElseThrow(() -> fail.with(MagicLinkErrorCodes.USER_NOT_FOUND.code()));
        }
        Session session = postern.sessions().create(ctx, user, true);
        if (requestedCallback.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("token", session.token());
            body.put("user", postern.users().output(user));
            body.put("session", Output.of(postern.schema(), CoreSchema.SESSION, session.session()));
            return body;
        }
        throw ApiException.redirect(isNewUser ? newUserUrl : callbackUrl);
    }

    /** The new user, or empty when the address was taken meanwhile. */
    private static Optional<Row> createUser(Postern postern, String email, String name, Failure fail) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("email", email);
        data.put("emailVerified", true);
        data.put("name", name);
        try {
            return Optional.of(postern.users().create(data));
        } catch (UniqueViolationException raced) {
            return Optional.empty();
        } catch (ApiException refused) {
            // A database hook refused the user: better-auth passes its code on to the error page.
            throw fail.with(refused.code() != null ? refused.code() : MagicLinkErrorCodes.FAILED_TO_CREATE_USER.code());
        } catch (StoreUnavailableException down) {
            throw down;
        }
    }

    /** The stored value when it is exactly better-auth's magic-link record, else empty. */
    private static Optional<JsonNode> record(Row row) {
        JsonNode value;
        try {
            value = Json.parse(String.valueOf(row.string("value")));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
        if (value == null || !value.isObject() || !RECORD_KEYS.containsAll(value.propertyNames())
                || !value.path("type").isString() || !"magic-link".equals(value.get("type").asString())
                || !value.path("email").isString() || !EmailAddresses.isValid(value.get("email").asString())
                || (value.has("name") && !value.get("name").isString())) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** {@code new URL(url, authUrl).toString()}. */
    private static String absolute(String authUrl, String url) {
        try {
            return new URI(authUrl).resolve(new URI(url)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw RedirectPolicy.INVALID_CALLBACK_URL.toException(Status.FORBIDDEN);
        }
    }

    @FunctionalInterface
    private interface Failure {
        ApiException with(String code);
    }
}
