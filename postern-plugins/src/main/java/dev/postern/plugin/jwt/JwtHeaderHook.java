package dev.postern.plugin.jwt;

import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.EndpointHandler;
import dev.postern.endpoint.ExposedHeaders;
import dev.postern.session.Session;
import java.util.Optional;

/**
 * The after-hook on {@code /get-session}: when the call found (or made) a session, the response carries
 * its token in {@code set-auth-jwt}, named in {@code Access-Control-Expose-Headers} so a browser app on
 * another origin can read it, as better-auth's jwt plugin does.
 */
final class JwtHeaderHook implements EndpointHandler {
    static final String HEADER = "set-auth-jwt";

    private final JwtPlugin plugin;

    /** Takes the plugin, whose tokens exist only once the instance is built (hooks are declared before). */
    JwtHeaderHook(JwtPlugin plugin) {
        this.plugin = plugin;
    }

    static boolean isGetSession(EndpointContext ctx) {
        return "/get-session".equals(ctx.endpoint().path());
    }

    @Override
    public Object handle(EndpointContext ctx) {
        if (ctx.returned() == null) {
            return null;
        }
        Optional<Session> session = ctx.postern().sessions().current(ctx)
                .or(() -> ctx.postern().sessions().newSession(ctx));
        session.ifPresent(s -> {
            ctx.setHeader(HEADER, plugin.tokens().forSession(s));
            ExposedHeaders.expose(ctx, HEADER);
        });
        return null;
    }
}
