package dev.postern.plugin;

import dev.postern.Postern;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;

/**
 * Sees every HTTP request under the base path before routing, as better-auth's {@code onRequest}
 * does. Returning a response ends the request with it; returning null lets it through.
 *
 * @see Plugin#requestInterceptors()
 */
@FunctionalInterface
public interface RequestInterceptor {
    AuthResponse intercept(AuthRequest request, String relativePath, Postern postern);
}
