package dev.postern.security;

import dev.postern.PosternConfig;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ErrorCode;
import dev.postern.http.Status;
import java.util.Objects;

/**
 * Decides where a flow may send the browser (better-auth's {@code callbackURL}, {@code redirectTo} and
 * their kin): to a safe path on this site, or to a URL on a trusted origin
 * ({@link TrustedOrigins#isTrustedRedirect}). Anything else is an open redirect and is refused with 403, as
 * better-auth's per-endpoint {@code originCheck} refuses it. The global {@link OriginCheck} already covers
 * the bodies of unsafe methods; endpoints call this for the values it does not see, such as the query of
 * a GET link in an e-mail.
 *
 * <p>It also refuses text with a lone UTF-16 surrogate, from which no link can be built
 * ({@code encodeURIComponent} throws on it), and control characters.
 */
public final class RedirectPolicy {
    public static final ErrorCode INVALID_CALLBACK_URL = SecurityErrorCodes.INVALID_CALLBACK_URL;
    public static final ErrorCode INVALID_REDIRECT_URL = SecurityErrorCodes.INVALID_REDIRECT_URL;

    private final TrustedOrigins trustedOrigins;

    private RedirectPolicy(TrustedOrigins trustedOrigins) {
        this.trustedOrigins = Objects.requireNonNull(trustedOrigins, "trustedOrigins");
    }

    /** The policy of a configuration: its own origin, the configured and the plugins' trusted origins. */
    public static RedirectPolicy of(PosternConfig config) {
        return new RedirectPolicy(TrustedOrigins.of(config));
    }

    public static RedirectPolicy of(TrustedOrigins trustedOrigins) {
        return new RedirectPolicy(trustedOrigins);
    }

    /** Whether {@code url} is a safe relative path or a URL on a trusted origin. */
    public boolean allows(String url) {
        // TrustedOrigins refuses lone surrogates and control characters along with everything untrusted.
        return trustedOrigins.isTrustedRedirect(url);
    }

    /** Refuses an untrusted {@code callbackURL} with 403 {@code INVALID_CALLBACK_URL}; null and empty pass. */
    public void requireCallbackUrl(String url) {
        require(url, INVALID_CALLBACK_URL);
    }

    /** Refuses an untrusted {@code redirectTo} with 403 {@code INVALID_REDIRECT_URL}; null and empty pass. */
    public void requireRedirectUrl(String url) {
        require(url, INVALID_REDIRECT_URL);
    }

    /** Refuses an untrusted {@code url} with 403 and {@code code}; null and empty pass. */
    public void require(String url, ErrorCode code) {
        if (url != null && !url.isEmpty() && !allows(url)) {
            throw code.toException(Status.FORBIDDEN);
        }
    }

    /**
     * Checks the {@code callbackURL} of an HTTP call against the instance's trusted origins. Calls through
     * {@code postern.api()} come from trusted code and are not checked, as better-auth checks only calls
     * that carry a request; nor are paths where the origin check is switched off
     * ({@link SecuritySettings#skipsOriginCheck(String)}), as better-auth skips them.
     */
    public static void requireCallbackUrl(EndpointContext ctx, String url) {
        require(ctx, url, INVALID_CALLBACK_URL);
    }

    /** {@link #requireCallbackUrl(EndpointContext, String)} for a {@code redirectTo}. */
    public static void requireRedirectUrl(EndpointContext ctx, String url) {
        require(ctx, url, INVALID_REDIRECT_URL);
    }

    /**
     * {@link #requireCallbackUrl(EndpointContext, String)} with the code a plugin's field calls for
     * ({@link SecurityErrorCodes#INVALID_ERROR_CALLBACK_URL}, say).
     */
    public static void require(EndpointContext ctx, String url, ErrorCode code) {
        if (!ctx.isHttp()) {
            return;
        }
        PosternConfig config = ctx.postern().config();
        String path = ctx.request().path();
        String relative = path.startsWith(config.basePath()) ? path.substring(config.basePath().length()) : path;
        if (!config.security().skipsOriginCheck(relative.startsWith("/") ? relative : "/" + relative)) {
            of(ctx.postern().trustedOrigins()).require(url, code);
        }
    }
}
