package dev.postern.plugin.onetimetoken;

import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.EndpointHandler;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code setOttHeaderOnNewSession}: every response that starts a session carries a one-time token for it
 * in {@code set-ott}, named in {@code Access-Control-Expose-Headers} so a browser app may read it.
 */
final class OneTimeTokenHeader implements EndpointHandler {
    static final String HEADER = "set-ott";
    private static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

    private final OneTimeTokens tokens;

    OneTimeTokenHeader(OneTimeTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Object handle(EndpointContext ctx) {
        ctx.postern().sessions().newSession(ctx).ifPresent(session -> {
            Set<String> exposed = new LinkedHashSet<>();
            for (String value : ctx.responseHeaders().all(EXPOSE_HEADERS)) {
                for (String header : value.split(",")) {
                    if (!header.isBlank()) {
                        exposed.add(header.trim());
                    }
                }
            }
            exposed.add(HEADER);
            ctx.setHeader(HEADER, tokens.issue(ctx, session));
            ctx.setHeader(EXPOSE_HEADERS, String.join(", ", exposed));
        });
        return null;
    }
}
