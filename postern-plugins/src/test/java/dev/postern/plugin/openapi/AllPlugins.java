package dev.postern.plugin.openapi;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.twofactor.TwoFactorPlugin;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestPostern;

/** An instance with every plugin this module ships, so the document is checked against all their routes. */
final class AllPlugins {
    private AllPlugins() {
    }

    static TestPostern start() {
        return TestPostern.builder()
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(), new TwoFactorPlugin(), new OpenApiPlugin())
                .start();
    }
}
