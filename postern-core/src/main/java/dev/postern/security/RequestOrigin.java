package dev.postern.security;

import dev.postern.PosternConfig;
import dev.postern.http.AuthRequest;
import dev.postern.http.Headers;
import dev.postern.http.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * better-auth's {@code validateOrigin}: the {@code Origin} of a request (its {@code Referer} when there is
 * no {@code Origin}) must be trusted. Shared by the global origin check and the form-login CSRF check.
 */
final class RequestOrigin {
    private static final Logger LOG = LoggerFactory.getLogger(RequestOrigin.class);

    private final TrustedOrigins trusted;
    private final SecuritySettings settings;
    private final String ownOrigin;

    RequestOrigin(PosternConfig config, TrustedOrigins trusted) {
        this.trusted = trusted;
        this.settings = config.security();
        this.ownOrigin = config.origin();
    }

    /**
     * Validates the request's origin when it carries cookies, or always when {@code force} is set (a
     * form sign-in with Fetch Metadata or an {@code Origin}). Requests without cookies are left alone
     * otherwise: an attacker's page gains nothing by sending a request that has no session.
     */
    void validate(AuthRequest request, String path, boolean force) {
        if (settings.csrfCheckDisabled() || settings.skipsOriginCheck(path)) {
            return;
        }
        Headers headers = request.headers();
        if (!force && !headers.has("Cookie")) {
            return;
        }
        String origin = headers.get("Origin");
        String claimed = nonEmpty(origin) ? origin : nonEmpty(headers.get("Referer")) ? headers.get("Referer") : "";
        // 1.7.25: a same-origin page that the browser gives an opaque origin (a privacy-sensitive context)
        // sends "null"; Fetch Metadata, which a page cannot forge, vouches that it is this site.
        if ("null".equals(origin) && "same-origin".equals(headers.get("Sec-Fetch-Site"))) {
            claimed = ownOrigin;
        }
        if (claimed.isEmpty() || claimed.equals("null")) {
            throw SecurityErrorCodes.MISSING_OR_NULL_ORIGIN.toException(Status.FORBIDDEN);
        }
        if (!trusted.isTrustedOrigin(claimed)) {
            LOG.warn("Refused {} {} from untrusted origin {}; if it is yours, add it to trustedOrigins (now {})",
                    request.method(), path, UrlText.forLog(claimed), trusted);
            throw SecurityErrorCodes.INVALID_ORIGIN.toException(Status.FORBIDDEN);
        }
    }

    private static boolean nonEmpty(String value) {
        return value != null && !value.isEmpty();
    }
}
