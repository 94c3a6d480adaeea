package dev.postern.plugin;

import java.util.Map;

/**
 * Makes a plugin from its id and options, so the standalone server can enable plugins by name
 * ({@code POSTERN_PLUGINS=two-factor,admin}). Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.postern.plugin.PluginFactory}): one way
 * to register a plugin, nothing scanned.
 */
public interface PluginFactory {

    /** The plugin id, as better-auth names it. */
    String id();

    /** One line for {@code --help} and error messages. */
    default String description() {
        return "";
    }

    /**
     * True for the plugins that carry better-auth's core routes (sessions, email and password, user
     * management): better-auth always has them, so the server enables them without being asked. Listing
     * one in the configuration only gives it options.
     */
    default boolean alwaysEnabled() {
        return false;
    }

    /**
     * Creates the plugin.
     *
     * @param options the plugin's section of {@code postern.yaml} ({@code plugins.<id>}), possibly empty
     */
    Plugin create(Map<String, Object> options);
}
