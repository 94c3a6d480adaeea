package dev.postern.pipeline;

import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;

/**
 * Cross-origin resource sharing around the pipeline: a preflight is answered before routing (an
 * {@code OPTIONS} request has no endpoint), and every other answer gets the CORS headers its origin is
 * entitled to. {@link #NONE} does neither.
 */
public interface CorsPolicy {
    CorsPolicy NONE = new CorsPolicy() {
        @Override
        public AuthResponse preflight(AuthRequest request) {
            return null;
        }

        @Override
        public AuthResponse decorate(AuthRequest request, AuthResponse response) {
            return response;
        }
    };

    /** The answer to a CORS preflight under the base path, or null when {@code request} is not one. */
    AuthResponse preflight(AuthRequest request);

    /** {@code response} with the CORS headers for the request's origin, if any. */
    AuthResponse decorate(AuthRequest request, AuthResponse response);
}
