package dev.postern.endpoint;

/**
 * The code behind an endpoint. It returns the response value: any object Jackson can write (a
 * record, a Map, a {@link dev.postern.store.Row}), {@code null} for a JSON {@code null} body, or an
 * {@link dev.postern.http.AuthResponse} for full control (HTML, redirects). Errors are thrown as
 * {@link dev.postern.error.ApiException}.
 */
@FunctionalInterface
public interface EndpointHandler {
    Object handle(EndpointContext ctx);
}
