package dev.postern.plugin.session;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.util.Map;

/**
 * Registers {@link SessionPlugin} with the standalone server. Sessions are core in better-auth, so the
 * plugin is always enabled; its settings live on the instance configuration ({@code session},
 * {@code cookies}), not in plugin options.
 */
public final class SessionPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return SessionPlugin.ID;
    }

    @Override
    public String description() {
        return "get-session, list-sessions, revoke-session(s), update-session, sign-out";
    }

    @Override
    public boolean alwaysEnabled() {
        return true;
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions.of(raw).rejectUnknown();
        return new SessionPlugin();
    }
}
