package dev.postern.security;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Cross-origin resource sharing for single-page apps served from another origin than Postern's. Only
 * trusted origins ({@link TrustedOrigins}) get CORS headers, always with credentials and the caller's own
 * origin (never {@code *}); an untrusted origin gets none, so the browser keeps the response from it.
 * better-auth leaves CORS to the host framework; Postern, often run standalone, answers it itself.
 *
 * @param enabled answer preflights and add CORS headers; off, an {@code OPTIONS} request is a 404 as in
 *     better-auth
 * @param allowedMethods {@code Access-Control-Allow-Methods} of preflight answers
 * @param allowedHeaders {@code Access-Control-Allow-Headers} of preflight answers
 * @param exposedHeaders {@code Access-Control-Expose-Headers} added to actual responses, merged with any
 *     that a plugin sets (the bearer plugin's {@code set-auth-token}, say)
 * @param maxAge how long a browser may cache a preflight answer ({@code Access-Control-Max-Age})
 */
public record CorsSettings(boolean enabled, List<String> allowedMethods, List<String> allowedHeaders,
                           List<String> exposedHeaders, Duration maxAge) {
    public static final List<String> DEFAULT_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** What better-auth's clients send: JSON bodies, bearer tokens, the captcha plugin's header. */
    public static final List<String> DEFAULT_HEADERS =
            List.of("content-type", "authorization", "x-requested-with", "x-captcha-response");
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    public CorsSettings {
        allowedMethods = names(allowedMethods, "cors.allowedMethods");
        allowedHeaders = names(allowedHeaders, "cors.allowedHeaders");
        exposedHeaders = names(exposedHeaders, "cors.exposedHeaders");
        Objects.requireNonNull(maxAge, "cors.maxAge");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("cors.maxAge: must not be negative, was " + maxAge);
        }
    }

    /** On, with {@link #DEFAULT_METHODS}, {@link #DEFAULT_HEADERS}, nothing extra exposed, ten minutes. */
    public static CorsSettings defaults() {
        return new CorsSettings(true, DEFAULT_METHODS, DEFAULT_HEADERS, List.of(), DEFAULT_MAX_AGE);
    }

    /** No CORS handling: for deployments where a proxy or the host framework answers it. */
    public static CorsSettings disabled() {
        return new CorsSettings(false, DEFAULT_METHODS, DEFAULT_HEADERS, List.of(), DEFAULT_MAX_AGE);
    }

    public CorsSettings withAllowedMethods(List<String> methods) {
        return new CorsSettings(enabled, methods, allowedHeaders, exposedHeaders, maxAge);
    }

    public CorsSettings withAllowedHeaders(List<String> headers) {
        return new CorsSettings(enabled, allowedMethods, headers, exposedHeaders, maxAge);
    }

    public CorsSettings withExposedHeaders(List<String> headers) {
        return new CorsSettings(enabled, allowedMethods, allowedHeaders, headers, maxAge);
    }

    public CorsSettings withMaxAge(Duration maxAge) {
        return new CorsSettings(enabled, allowedMethods, allowedHeaders, exposedHeaders, maxAge);
    }

    private static List<String> names(List<String> names, String setting) {
        Objects.requireNonNull(names, setting);
        for (String name : names) {
            // A header value may not carry CR/LF, and "*" means "anything" only without credentials.
            if (name == null || name.isBlank() || name.equals("*") || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw new IllegalArgumentException(setting + ": not a header or method name: '" + name + "'");
            }
        }
        return List.copyOf(names);
    }
}
