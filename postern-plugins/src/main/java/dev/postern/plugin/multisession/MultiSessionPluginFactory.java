package dev.postern.plugin.multisession;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;

/**
 * Enables {@link MultiSessionPlugin} in the standalone server ({@code POSTERN_PLUGINS=multi-session}):
 * <pre>{@code
 * plugins:
 *   multi-session: { maximumSessions: 5 }
 * }</pre>
 */
public final class MultiSessionPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return MultiSessionPlugin.ID;
    }

    @Override
    public String description() {
        return "Several accounts signed in on one device: list, switch and revoke them";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        int maximumSessions = options.integer("maximumSessions", 5);
        options.rejectUnknown();
        return new MultiSessionPlugin(new MultiSessionOptions(maximumSessions));
    }
}
