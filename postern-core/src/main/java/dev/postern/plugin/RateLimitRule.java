package dev.postern.plugin;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code max} requests per client in each {@code window} on the paths the pattern matches.
 * Patterns are an exact path ({@code /sign-in/email}) or a prefix ending in {@code *}
 * ({@code /two-factor/*}), relative to the base path.
 */
public record RateLimitRule(String pathPattern, Duration window, int max) {

    public RateLimitRule {
        Objects.requireNonNull(pathPattern, "pathPattern");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
    }

    public boolean matches(String path) {
        return pathPattern.endsWith("*")
                ? path.startsWith(pathPattern.substring(0, pathPattern.length() - 1))
                : path.equals(pathPattern);
    }
}
