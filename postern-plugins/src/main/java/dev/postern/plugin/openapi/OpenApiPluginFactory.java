package dev.postern.plugin.openapi;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;

/**
 * Enables {@link OpenApiPlugin} in the standalone server ({@code POSTERN_PLUGINS=open-api}), with
 * better-auth's option name:
 * <pre>{@code
 * plugins:
 *   open-api: { path: /reference }
 * }</pre>
 */
public final class OpenApiPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return OpenApiPlugin.ID;
    }

    @Override
    public String description() {
        return "OpenAPI 3.1 document at /open-api/generate-schema and an interactive reference at /reference";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        String path = options.string("path", OpenApiOptions.DEFAULT_REFERENCE_PATH);
        options.rejectUnknown();
        return new OpenApiPlugin(new OpenApiOptions(path));
    }
}
