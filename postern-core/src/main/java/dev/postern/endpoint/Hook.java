package dev.postern.endpoint;

import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A before- or after-hook on the endpoints its matcher selects, as better-auth's plugin
 * {@code hooks.before/after} are.
 *
 * <p>A <b>before</b> hook runs after validation and before the handler: returning non-null ends the call
 * with that value as the response; it may also change {@link EndpointContext#body()}, add cookies, or
 * replace the request ({@link EndpointContext#request(dev.postern.http.AuthRequest)}).
 * An <b>after</b> hook runs after the handler, sees {@link EndpointContext#returned()}, and returning
 * non-null replaces the response value.
 */
public record Hook(Predicate<EndpointContext> matcher, EndpointHandler handler) {

    public Hook {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(handler, "handler");
    }

    /** A hook on every endpoint. */
    public static Hook always(EndpointHandler handler) {
        return new Hook(ctx -> true, handler);
    }

    /** A hook on the endpoints with these paths ({@code /sign-in/email}). */
    public static Hook onPaths(Set<String> paths, EndpointHandler handler) {
        Set<String> copy = Set.copyOf(paths);
        return new Hook(ctx -> copy.contains(ctx.endpoint().path()), handler);
    }

    /** A hook on endpoints whose path starts with a prefix ({@code /sign-in/}). */
    public static Hook onPathPrefix(String prefix, EndpointHandler handler) {
        return new Hook(ctx -> ctx.endpoint().path().startsWith(prefix), handler);
    }
}
