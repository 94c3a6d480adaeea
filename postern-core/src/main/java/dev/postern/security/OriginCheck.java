package dev.postern.security;

import dev.postern.PosternConfig;
import dev.postern.error.ApiException;
import dev.postern.error.ErrorCode;
import dev.postern.http.Status;
import dev.postern.json.JsValues;
import dev.postern.pipeline.RequestGuard;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * better-auth's global {@code originCheckMiddleware} (wire reference §9.2), run on every HTTP request
 * whose method is not GET, HEAD or OPTIONS:
 * <ol>
 *   <li>a request carrying cookies must come from a trusted origin: 403 {@code MISSING_OR_NULL_ORIGIN}
 *       without one, 403 {@code INVALID_ORIGIN} from another (bearer-token clients send no cookies and
 *       pass);</li>
 *   <li>{@code callbackURL} (body, else query), {@code redirectTo}, {@code errorCallbackURL} and
 *       {@code newUserCallbackURL} of the body must be strings (else 400 "Invalid &lt;label&gt;: expected a
 *       string") naming a safe path or a trusted origin (else 403 with the field's own code). It reads the
 *       raw body, before validation, so it covers every endpoint, a plugin's included.</li>
 * </ol>
 */
public final class OriginCheck implements RequestGuard {
    private static final Logger LOG = LoggerFactory.getLogger(OriginCheck.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final RequestOrigin origins;
    private final TrustedOrigins trusted;
    private final SecuritySettings settings;

    public OriginCheck(PosternConfig config, TrustedOrigins trusted) {
        this.origins = new RequestOrigin(config, trusted);
        this.trusted = trusted;
        this.settings = config.security();
    }

    @Override
    public void check(Routed routed) {
        if (SAFE_METHODS.contains(routed.request().method())) {
            return;
        }
        origins.validate(routed.request(), routed.path(), false);
        if (settings.skipsOriginCheck(routed.path())) {
            return;
        }
        JsonNode body = routed.body() != null && routed.body().isObject() ? routed.body() : null;
        JsonNode callback = field(body, "callbackURL");
        requireTrusted(JsValues.isTruthy(callback) ? callback : field(routed.query(), "callbackURL"),
                "callbackURL", SecurityErrorCodes.INVALID_CALLBACK_URL);
        requireTrusted(field(body, "redirectTo"), "redirectURL", SecurityErrorCodes.INVALID_REDIRECT_URL);
        requireTrusted(field(body, "errorCallbackURL"), "errorCallbackURL", SecurityErrorCodes.INVALID_ERROR_CALLBACK_URL);
        requireTrusted(field(body, "newUserCallbackURL"), "newUserCallbackURL",
                SecurityErrorCodes.INVALID_NEW_USER_CALLBACK_URL);
    }

    private void requireTrusted(JsonNode value, String label, ErrorCode refusal) {
        if (!JsValues.isTruthy(value)) {
            return;
        }
        if (!value.isString()) {
            throw ApiException.message(Status.BAD_REQUEST, "Invalid " + label + ": expected a string");
        }
        if (!trusted.isTrustedRedirect(value.stringValue())) {
            LOG.warn("Refused {} {}; if it is yours, add its origin to trustedOrigins (now {})",
                    label, UrlText.forLog(value.stringValue()), trusted);
            throw refusal.toException(Status.FORBIDDEN);
        }
    }

    private static JsonNode field(JsonNode object, String name) {
        return object == null ? null : object.get(name);
    }
}
