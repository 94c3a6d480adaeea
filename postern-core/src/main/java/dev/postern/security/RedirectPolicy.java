package dev.postern.security;

import dev.postern.PosternConfig;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ErrorCode;
import dev.postern.http.Status;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides where Postern may send a browser after a flow (better-auth's {@code callbackURL} and
 * {@code redirectTo}): to a safe path on this site, or to a URL whose origin is the base URL's or one of
 * {@link PosternConfig#trustedOrigins()}. Anything else is an open redirect and is refused with 403, as
 * better-auth's origin check refuses it.
 *
 * <p>Trusted origins are compared exactly for now; wildcard patterns are for the security work to add here.
 */
public final class RedirectPolicy {
    public static final ErrorCode INVALID_CALLBACK_URL = ErrorCode.of("INVALID_CALLBACK_URL", "Invalid callbackURL");
    public static final ErrorCode INVALID_REDIRECT_URL = ErrorCode.of("INVALID_REDIRECT_URL", "Invalid redirectURL");

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\u0000-\\u001f\\u007f-\\u009f]");
    // An encoded slash or backslash in the path lets some routers read "/%2F/evil.com" as "//evil.com".
    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%2[fF]|%5[cC]");

    private final Set<String> trustedOrigins;

    private RedirectPolicy(Set<String> trustedOrigins) {
        this.trustedOrigins = Set.copyOf(trustedOrigins);
    }

    /** The policy of an instance: its own origin plus the configured trusted origins. */
    public static RedirectPolicy of(PosternConfig config) {
        Set<String> origins = new LinkedHashSet<>();
        String own = originOf(config.origin());
        origins.add(own == null ? config.origin() : own);
        for (String origin : config.trustedOrigins()) {
            String normalised = originOf(origin);
            origins.add(normalised == null ? origin : normalised);
        }
        return new RedirectPolicy(origins);
    }

    /** Whether {@code url} is a safe relative path or a URL on a trusted origin. */
    public boolean allows(String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        if (url.startsWith("/")) {
            return isSafeRelativePath(url);
        }
        String origin = originOf(url);
        return origin != null && trustedOrigins.contains(origin);
    }

    /** Refuses an untrusted {@code callbackURL} with 403 {@code INVALID_CALLBACK_URL}; null and empty pass. */
    public void requireCallbackUrl(String url) {
        require(url, INVALID_CALLBACK_URL);
    }

    /** Refuses an untrusted {@code redirectTo} with 403 {@code INVALID_REDIRECT_URL}; null and empty pass. */
    public void requireRedirectUrl(String url) {
        require(url, INVALID_REDIRECT_URL);
    }

    /**
     * Checks the {@code callbackURL} of an HTTP call against the instance's policy. Calls through
     * {@code postern.api()} come from trusted code and are not checked, as better-auth checks only calls
     * that carry a request.
     */
    public static void requireCallbackUrl(EndpointContext ctx, String url) {
        if (ctx.isHttp()) {
            of(ctx.postern().config()).requireCallbackUrl(url);
        }
    }

    /** {@link #requireCallbackUrl(EndpointContext, String)} for a {@code redirectTo}. */
    public static void requireRedirectUrl(EndpointContext ctx, String url) {
        if (ctx.isHttp()) {
            of(ctx.postern().config()).requireRedirectUrl(url);
        }
    }

    private void require(String url, ErrorCode code) {
        if (url != null && !url.isEmpty() && !allows(url)) {
            throw code.toException(Status.FORBIDDEN);
        }
    }

    private static boolean isSafeRelativePath(String url) {
        if (url.startsWith("//") || url.contains("\\") || CONTROL_CHARACTERS.matcher(url).find()) {
            return false;
        }
        int end = indexOfAny(url, '?', '#');
        String path = end < 0 ? url : url.substring(0, end);
        if (ENCODED_SEPARATOR.matcher(path).find()) {
            return false;
        }
        try {
            URI resolved = new URI("https://postern.invalid").resolve(new URI(url));
            return "postern.invalid".equals(resolved.getHost()) && resolved.getRawAuthority().equals("postern.invalid");
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code scheme://host[:port]} of an http(s) URL, lower-cased, default ports dropped; null otherwise. */
    static String originOf(String url) {
        if (CONTROL_CHARACTERS.matcher(url).find() || url.contains("\\")) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
