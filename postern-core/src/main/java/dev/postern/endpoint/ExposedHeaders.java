package dev.postern.endpoint;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Adds a response header's name to {@code Access-Control-Expose-Headers}, keeping the names other hooks
 * exposed already: plugins that hand a credential to clients in a header ({@code set-auth-token} of the
 * bearer plugin, {@code set-auth-jwt} of the jwt plugin) need browsers on other origins to be allowed to
 * read it, and both may answer the same request.
 */
public final class ExposedHeaders {
    public static final String NAME = "Access-Control-Expose-Headers";

    private ExposedHeaders() {
    }

    /** Sets {@code Access-Control-Expose-Headers} on the response to its current names plus {@code header}. */
    public static void expose(EndpointContext ctx, String header) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : ctx.responseHeaders().all(NAME)) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        String lower = header.toLowerCase(Locale.ROOT);
        if (names.stream().noneMatch(n -> n.toLowerCase(Locale.ROOT).equals(lower))) {
            names.add(header);
        }
        ctx.setHeader(NAME, String.join(", ", names));
    }
}
