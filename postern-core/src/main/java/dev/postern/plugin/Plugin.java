package dev.postern.plugin;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.error.ErrorCode;
import dev.postern.schema.SchemaContribution;
import dev.postern.store.DatabaseHooks;
import java.util.List;

/**
 * The unit of extension, as a better-auth plugin object is: everything a feature adds to Postern,
 * declared in one place. Every method but {@link #id()} has an empty default, so a plugin states only
 * what it contributes. The core email-and-password flows are a plugin like any other.
 *
 * <p>Plugin ids are better-auth's ({@code two-factor}, {@code organization}, ...), so configuration
 * written for one reads naturally for the other.
 */
public interface Plugin {

    /** Stable id, unique among enabled plugins. */
    String id();

    /** Endpoints this plugin adds. */
    default List<Endpoint> endpoints() {
        return List.of();
    }

    /** Hooks run before the handlers of the endpoints they match (any plugin's). */
    default List<Hook> beforeHooks() {
        return List.of();
    }

    /** Hooks run after the handlers of the endpoints they match. */
    default List<Hook> afterHooks() {
        return List.of();
    }

    /** Tables and fields this plugin needs; they drive migrations and the store. */
    default SchemaContribution schema() {
        return SchemaContribution.NONE;
    }

    /** Callbacks around writes to any model. */
    default DatabaseHooks databaseHooks() {
        return DatabaseHooks.create();
    }

    /** Rate-limit rules for this plugin's paths. */
    default List<RateLimitRule> rateLimitRules() {
        return List.of();
    }

    /** The error codes its endpoints answer with, for documentation and the OpenAPI document. */
    default List<ErrorCode> errorCodes() {
        return List.of();
    }

    /** Interceptors that see every HTTP request before routing (captcha, rate limits). */
    default List<RequestInterceptor> requestInterceptors() {
        return List.of();
    }

    /**
     * Origins this plugin needs trusted besides the configured ones (an identity provider that posts back,
     * an app scheme such as {@code myapp://}), in the forms {@code dev.postern.security.TrustedOrigins}
     * accepts. They are trusted for CSRF, CORS and redirects alike, so contribute only what the feature
     * cannot work without.
     */
    default List<String> trustedOrigins() {
        return List.of();
    }

    /** Called once the instance is built and before it serves; the place to read other plugins. */
    default void init(Postern postern) {
    }
}
