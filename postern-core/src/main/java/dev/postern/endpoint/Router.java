package dev.postern.endpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the endpoint for a method and a path relative to the base path. Static paths are one hash
 * lookup (get-session is on nearly every request); paths with {@code :params} are matched segment
 * by segment, static segments winning over parameters.
 */
public final class Router {
    private final Map<String, Endpoint> staticRoutes = new HashMap<>();
    private final List<ParamRoute> paramRoutes = new ArrayList<>();

    /** A matched endpoint with its decoded path parameters. */
    public record Match(Endpoint endpoint, Map<String, String> params) {
    }

    private record ParamRoute(String method, String[] segments, Endpoint endpoint) {
        int staticCount() {
            int n = 0;
            for (String s : segments) {
                if (!s.startsWith(":")) {
                    n++;
                }
            }
            return n;
        }
    }

    public Router(List<Endpoint> endpoints) {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.metadata().serverOnly()) {
                continue;
            }
            for (String method : endpoint.methods()) {
                if (endpoint.path().contains("/:")) {
                    paramRoutes.add(new ParamRoute(method, split(endpoint.path()), endpoint));
                } else {
                    Endpoint previous = staticRoutes.put(method + " " + endpoint.path(), endpoint);
                    if (previous != null && previous != endpoint) {
                        throw new IllegalArgumentException("Two endpoints answer " + method + " " + endpoint.path()
                                + ": " + previous.name() + " and " + endpoint.name());
                    }
                }
            }
        }
        // More static segments first, so /reset-password/confirm would beat /reset-password/:token.
        paramRoutes.sort((a, b) -> Integer.compare(b.staticCount(), a.staticCount()));
    }

    public Optional<Match> find(String method, String path) {
        Endpoint endpoint = staticRoutes.get(method + " " + path);
        if (endpoint != null) {
            return Optional.of(new Match(endpoint, Map.of()));
        }
        if (paramRoutes.isEmpty()) {
            return Optional.empty();
        }
        String[] segments = split(path);
        for (ParamRoute route : paramRoutes) {
            if (!route.method.equals(method) || route.segments.length != segments.length) {
                continue;
            }
            Map<String, String> params = matchSegments(route.segments, segments);
            if (params != null) {
                return Optional.of(new Match(route.endpoint, params));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> matchSegments(String[] pattern, String[] actual) {
        Map<String, String> params = null;
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith(":")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new LinkedHashMap<>();
                }
                params.put(p.substring(1), decode(actual[i]));
            } else if (!p.equals(actual[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    private static String decode(String segment) {
        try {
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }

    private static String[] split(String path) {
        return (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
    }
}
