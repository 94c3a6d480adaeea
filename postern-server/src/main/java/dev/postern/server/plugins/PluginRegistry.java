package dev.postern.server.plugins;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.server.config.ConfigException;
import dev.postern.server.config.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The plugins the server can enable by id ({@code POSTERN_PLUGINS=two-factor,admin}): every
 * {@link PluginFactory} on the class path, found through {@link ServiceLoader}. Nothing is scanned;
 * a plugin is installed by listing its factory in {@code META-INF/services}.
 */
public final class PluginRegistry {
    private final Map<String, PluginFactory> factories;

    private PluginRegistry(Map<String, PluginFactory> factories) {
        this.factories = factories;
    }

    /** The factories installed on the class path. */
    public static PluginRegistry discover() {
        List<PluginFactory> found = new ArrayList<>();
        ServiceLoader.load(PluginFactory.class, PluginRegistry.class.getClassLoader()).forEach(found::add);
        return of(found);
    }

    /** A registry of exactly these factories; two with the same id are a packaging mistake. */
    public static PluginRegistry of(List<? extends PluginFactory> factories) {
        Map<String, PluginFactory> byId = new TreeMap<>();
        for (PluginFactory factory : factories) {
            PluginFactory clash = byId.putIfAbsent(factory.id(), factory);
            if (clash != null) {
                throw new IllegalStateException("Two plugin factories claim the id '" + factory.id() + "': "
                        + clash.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        return new PluginRegistry(byId);
    }

    /** Installed plugin ids, sorted. */
    public Set<String> ids() {
        return factories.keySet();
    }

    public Optional<PluginFactory> factory(String id) {
        return Optional.ofNullable(factories.get(id));
    }

    /**
     * The ids of the plugins a server with these settings runs: the always-enabled core plugins (in id
     * order), then the configured ones in their order.
     */
    public List<String> enabledIds(ServerSettings settings) {
        List<String> ids = new ArrayList<>();
        factories.values().stream().filter(PluginFactory::alwaysEnabled).map(PluginFactory::id).forEach(ids::add);
        settings.plugins().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids;
    }

    /** {@code email-password, session, user, two-factor}: for start-up lines and {@code doctor}. */
    public String describe(ServerSettings settings) {
        List<String> ids = enabledIds(settings);
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    /**
     * Creates the plugins the settings enable, in their order, each with its options from the YAML file.
     *
     * @throws ConfigException when a factory refuses its options; the message names the plugin's section
     */
    public List<Plugin> create(ServerSettings settings) {
        List<Plugin> plugins = new ArrayList<>();
        for (String id : enabledIds(settings)) {
            PluginFactory factory = factory(id).orElseThrow(() -> ConfigException.of(
                    settings.keyOf("plugins", "POSTERN_PLUGINS"), "unknown plugin \"" + id + "\""));
            try {
                plugins.add(factory.create(settings.optionsOf(id)));
            } catch (IllegalArgumentException e) {
                throw ConfigException.of("plugins." + id, e.getMessage());
            }
        }
        return plugins;
    }
}
