package dev.postern.plugin.openapi;

import java.util.Objects;

/**
 * Options of the {@code open-api} plugin, as better-auth's {@code openAPI({ path })} takes them.
 *
 * @param referencePath where the interactive reference page is served, under the base path
 *     ({@code /reference} by default, so {@code /api/auth/reference})
 */
public record OpenApiOptions(String referencePath) {
    public static final String DEFAULT_REFERENCE_PATH = "/reference";

    public OpenApiOptions {
        Objects.requireNonNull(referencePath, "referencePath");
        if (!referencePath.startsWith("/") || referencePath.length() < 2 || referencePath.endsWith("/")) {
            throw new IllegalArgumentException(
                    "open-api: path must start with '/' and name a page, like /reference; was '" + referencePath + "'");
        }
    }

    public static OpenApiOptions defaults() {
        return new OpenApiOptions(DEFAULT_REFERENCE_PATH);
    }
}
