package dev.postern.servlet;

import dev.postern.http.AuthRequest;
import dev.postern.http.Headers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a servlet request into an {@link AuthRequest} with the Jetty adapter's choices: the raw
 * (still percent-encoded) path, the query decoded by {@link AuthRequest#parseQuery}, every header with
 * every value, the socket peer as client address, and a body read only up to a limit. Public for adapters
 * built on this one (the Spring Boot starter's security filter reads sessions with it).
 */
public final class ServletRequests {
    private ServletRequests() {
    }

    /** The raw path inside the servlet context: {@code /api/auth/sign-in/email} for {@code /shop/api/auth/...}. */
    public static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        String path = contextPath != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }

    /**
     * The request as Postern sees it.
     *
     * @param bodyReadLimit how many body bytes to read at most: one over the configured maximum is
     *     enough for the core to answer 413, and a client cannot make the server buffer more
     */
    static AuthRequest toAuthRequest(HttpServletRequest request, String path, int bodyReadLimit)
            throws IOException {
        return new AuthRequest(request.getMethod(), path, AuthRequest.parseQuery(request.getQueryString()),
                headers(request), body(request, bodyReadLimit), request.getRemoteAddr());
    }

    /** Headers, cookies included; without the request (no endpoint call) the body does not matter. */
    public static AuthRequest withoutBody(HttpServletRequest request) {
        return new AuthRequest(request.getMethod(), pathInContext(request),
                AuthRequest.parseQuery(request.getQueryString()), headers(request), new byte[0],
                request.getRemoteAddr());
    }

    private static Headers headers(HttpServletRequest request) {
        Headers.Builder headers = Headers.builder();
        // A container may list a repeated header's name once per line; its values are read once, by name.
        Set<String> seen = new HashSet<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                headers.add(name, value);
            }
        }
        return headers.build();
    }

    private static byte[] body(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() == 0) {
            return new byte[0];
        }
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(limit);
        }
    }
}
