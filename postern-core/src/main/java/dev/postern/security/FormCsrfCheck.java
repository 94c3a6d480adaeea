package dev.postern.security;

import dev.postern.PosternConfig;
import dev.postern.http.Headers;
import dev.postern.http.Status;
import dev.postern.pipeline.RequestGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * better-auth's {@code formCsrfMiddleware} for endpoints that accept a sign-in or sign-up form
 * ({@link dev.postern.endpoint.Endpoint.Metadata#formCsrf()}): a first sign-in has no cookie yet, so the
 * global origin check would let a cross-site form log the victim into the attacker's account. Instead:
 * <ol>
 *   <li>with cookies, the origin is validated as everywhere;</li>
 *   <li>with Fetch Metadata ({@code Sec-Fetch-Site}/{@code -Mode}/{@code -Dest}), a cross-site top-level
 *       navigation is refused with 403 {@code CROSS_SITE_NAVIGATION_LOGIN_BLOCKED}, and anything else must
 *       come from a trusted origin;</li>
 *   <li>with an {@code Origin} or {@code Referer}, that must be trusted;</li>
 *   <li>with none of these (curl, a server), the request passes.</li>
 * </ol>
 */
public final class FormCsrfCheck implements RequestGuard {
    private static final Logger LOG = LoggerFactory.getLogger(FormCsrfCheck.class);

    private final RequestOrigin origins;
    private final boolean disabled;

    public FormCsrfCheck(PosternConfig config, TrustedOrigins trusted) {
        this.origins = new RequestOrigin(config, trusted);
        this.disabled = config.security().csrfCheckDisabled();
    }

    @Override
    public void check(Routed routed) {
        if (disabled || !routed.endpoint().metadata().formCsrf()) {
            return;
        }
        Headers headers = routed.request().headers();
        if (headers.has("Cookie")) {
            origins.validate(routed.request(), routed.path(), false);
            return;
        }
        String site = headers.get("Sec-Fetch-Site");
        String mode = headers.get("Sec-Fetch-Mode");
        if (hasText(site) || hasText(mode) || hasText(headers.get("Sec-Fetch-Dest"))) {
            if ("cross-site".equals(site) && "navigate".equals(mode)) {
                LOG.warn("Blocked a cross-site navigation to {} (CSRF protection)", routed.path());
                throw SecurityErrorCodes.CROSS_SITE_NAVIGATION_LOGIN_BLOCKED.toException(Status.FORBIDDEN);
            }
            origins.validate(routed.request(), routed.path(), true);
            return;
        }
        if (nonEmpty(headers.get("Origin")) || nonEmpty(headers.get("Referer"))) {
            origins.validate(routed.request(), routed.path(), true);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean nonEmpty(String value) {
        return value != null && !value.isEmpty();
    }
}
