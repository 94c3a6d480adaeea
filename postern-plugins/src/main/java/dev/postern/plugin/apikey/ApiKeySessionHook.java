package dev.postern.plugin.apikey;

import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.EndpointHandler;
import dev.postern.http.Status;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Output;
import dev.postern.session.ClientIp;
import dev.postern.session.Session;
import dev.postern.store.Row;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code enableSessionForAPIKeys}: a before-hook on every endpoint that turns a key in one of the
 * {@code apiKeyHeaders} into a session of its owner for this request only, as better-auth builds its mock
 * session: id = the key's id, token = the key, expiring with the key. Nothing is stored and no cookie is
 * set; the key is verified (and one use claimed) on each request. {@code /get-session} answers the mock
 * session directly. A refused key fails the request with the verification's error.
 */
final class ApiKeySessionHook implements EndpointHandler {
    private final ApiKeyPlugin plugin;

    ApiKeySessionHook(ApiKeyPlugin plugin) {
        this.plugin = plugin;
    }

    /** The key the request carries in the first configured header that has one. */
    static Optional<String> keyOf(EndpointContext ctx, ApiKeyOptions options) {
        for (String header : options.apiKeyHeaders()) {
            String value = ctx.request().headers().get(header);
            if (value != null && !value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    @Override
    public Object handle(EndpointContext ctx) {
        ApiKeyService service = plugin.service();
        ApiKeyOptions options = service.options();
        String key = keyOf(ctx, options).orElseThrow();
        if (key.length() < options.defaultKeyLength()) {
            throw ApiKeyErrorCodes.INVALID_API_KEY.toException(Status.FORBIDDEN);
        }
        Row apiKey = service.verify(key, null, ApiKeyOptions.DEFAULT_CONFIG_ID);
        service.sweepQuietly();
        if (options.references() != ApiKeyOptions.References.USER) {
            throw ApiKeyErrorCodes.INVALID_REFERENCE_ID_FROM_API_KEY.toException(Status.UNAUTHORIZED);
        }
        Row user = ctx.postern().users().findById(apiKey.string("referenceId"))
                .orElseThrow(() -> ApiKeyErrorCodes.INVALID_REFERENCE_ID_FROM_API_KEY.toException(Status.UNAUTHORIZED));
        Instant now = service.now();
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", apiKey.id());
        session.put("token", key);
        session.put("userId", apiKey.string("referenceId"));
        session.put("userAgent", ctx.request().headers().get("user-agent"));
        session.put("ipAddress", ctx.isHttp() ? ClientIp.of(ctx.request(), ctx.postern().config()) : null);
        session.put("createdAt", now);
        session.put("updatedAt", now);
        session.put("expiresAt", service.mockSessionExpiry(apiKey, ctx.postern().config().session().expiresIn()));
        Session mock = new Session(new Row(session), user);
        if (ctx.endpoint() != null && "/get-session".equals(ctx.endpoint().path())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("session", session);
            body.put("user", Output.of(ctx.postern().schema(), CoreSchema.USER, user));
            return body;
        }
        ctx.postern().sessions().assume(ctx, mock);
        return null;
    }
}
