package dev.postern.security;

import dev.postern.PosternConfig;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.http.Headers;
import dev.postern.pipeline.CorsPolicy;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for browser apps on trusted origins ({@link CorsSettings}). A preflight ({@code OPTIONS} with
 * {@code Origin} and {@code Access-Control-Request-Method}) anywhere under the base path is answered
 * before routing: 204 with the allowed methods, headers and max-age for a trusted origin, 403 without any
 * CORS header for another. Every other answer, errors included (so an app can read a 403's code), gets
 * {@code Access-Control-Allow-Origin: <its origin>} and {@code Access-Control-Allow-Credentials: true}
 * when its origin is trusted, and {@code Vary: Origin} always, so no cache hands one origin's answer to
 * another.
 */
public final class Cors implements CorsPolicy {
    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";
    private static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

    private final CorsSettings settings;
    private final TrustedOrigins trusted;
    private final String basePath;

    private Cors(CorsSettings settings, TrustedOrigins trusted, String basePath) {
        this.settings = settings;
        this.trusted = trusted;
        this.basePath = basePath;
    }

    /** The policy of an instance: {@link CorsPolicy#NONE} when CORS is disabled. */
    public static CorsPolicy of(PosternConfig config, TrustedOrigins trusted) {
        CorsSettings settings = config.security().cors();
        return settings.enabled() ? new Cors(settings, trusted, config.basePath()) : CorsPolicy.NONE;
    }

    @Override
    public AuthResponse preflight(AuthRequest request) {
        String origin = request.headers().get("Origin");
        if (!request.method().equals("OPTIONS") || origin == null
                || !request.headers().has("Access-Control-Request-Method") || !isUnderBasePath(request.path())) {
            return null;
        }
        if (!trusted.isTrustedOrigin(origin)) {
            return new AuthResponse(403, "Forbidden", Headers.empty(), new byte[0]);
        }
        Headers headers = Headers.builder()
                .set("Access-Control-Allow-Methods", String.join(", ", settings.allowedMethods()))
                .set("Access-Control-Allow-Headers", String.join(", ", settings.allowedHeaders()))
                .set("Access-Control-Max-Age", Long.toString(settings.maxAge().toSeconds()))
                .build();
        return new AuthResponse(204, "No Content", headers, new byte[0]);
    }

    @Override
    public AuthResponse decorate(AuthRequest request, AuthResponse response) {
        Headers.Builder headers = response.headers().toBuilder();
        addVaryOrigin(headers, response.headers());
        String origin = request.headers().get("Origin");
        if (origin != null && trusted.isTrustedOrigin(origin)) {
            headers.set(ALLOW_ORIGIN, origin).set(ALLOW_CREDENTIALS, "true");
            String exposed = mergedExposeHeaders(response.headers());
            if (!exposed.isEmpty()) {
                headers.set(EXPOSE_HEADERS, exposed);
            }
        } else {
            headers.remove(ALLOW_ORIGIN).remove(ALLOW_CREDENTIALS);
        }
        return new AuthResponse(response.status(), response.reason(), headers.build(), response.body());
    }

    private boolean isUnderBasePath(String path) {
        return path.startsWith(basePath) && (path.length() == basePath.length() || path.charAt(basePath.length()) == '/');
    }

    private static void addVaryOrigin(Headers.Builder headers, Headers existing) {
        String vary = String.join(", ", existing.all("Vary"));
        for (String token : vary.split(",")) {
            String name = token.trim().toLowerCase(Locale.ROOT);
            if (name.equals("origin") || name.equals("*")) {
                return;
            }
        }
        headers.set("Vary", vary.isBlank() ? "Origin" : vary + ", Origin");
    }

    // A plugin's exposed headers (the bearer plugin's set-auth-token) plus the configured ones, once each.
    private String mergedExposeHeaders(Headers existing) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (String value : existing.all(EXPOSE_HEADERS)) {
            for (String name : value.split(",")) {
                add(names, seen, name.trim());
            }
        }
        settings.exposedHeaders().forEach(name -> add(names, seen, name));
        return String.join(", ", names);
    }

    private static void add(Set<String> names, Set<String> seen, String name) {
        if (!name.isEmpty() && seen.add(name.toLowerCase(Locale.ROOT))) {
            names.add(name);
        }
    }
}
