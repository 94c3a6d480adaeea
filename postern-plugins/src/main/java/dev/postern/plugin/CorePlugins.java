package dev.postern.plugin;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.user.UserPlugin;
import java.util.List;

/**
 * better-auth's core routes as Postern plugins, with their default options: sessions, e-mail and
 * password, and user management. The standalone server always runs them; an embedding application adds
 * them with {@code PosternConfig.builder().plugins(CorePlugins.defaults())}, or builds each plugin itself
 * to give it options.
 */
public final class CorePlugins {
    private CorePlugins() {
    }

    /** New instances of the three core plugins with default options. */
    public static List<Plugin> defaults() {
        return List.of(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin());
    }
}
