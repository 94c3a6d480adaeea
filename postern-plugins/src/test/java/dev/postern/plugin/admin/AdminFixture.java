package dev.postern.plugin.admin;

import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.support.Users;
import dev.postern.storage.InMemorySecondaryStorage;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.ArrayList;
import java.util.List;

/** An instance with the admin plugin, where {@link #ADMIN_EMAIL} becomes an admin on sign-up (the bootstrap). */
final class AdminFixture {
    static final String ADMIN_EMAIL = "root@example.com";

    private AdminFixture() {
    }

    static TestPostern start(TestDatabase database, AdminOptions.Builder options) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new AdminPlugin(options.adminEmails(List.of(ADMIN_EMAIL.toUpperCase())).build()));
        return TestPostern.start(database, plugins.toArray(Plugin[]::new));
    }

    /** The same with sessions kept only in secondary storage (as with Redis), never in the session table. */
    static TestPostern startWithSecondaryStorage(TestDatabase database) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new AdminPlugin(AdminOptions.builder().adminEmails(List.of(ADMIN_EMAIL)).build()));
        return TestPostern.builder().database(database).plugins(plugins.toArray(Plugin[]::new))
                .configure(config -> config.secondaryStorage(new InMemorySecondaryStorage()))
                .start();
    }

    static TestPostern start(TestDatabase database) {
        return start(database, AdminOptions.builder());
    }

    /** A signed-in client of a new user; returns the client, its user id via {@link #id}. */
    static TestClient signedUp(TestPostern auth, String email) {
        TestClient client = auth.client();
        Users.signUp(client, email);
        return client;
    }

    static String id(TestClient client) {
        return client.get("/get-session").assertStatus(200).json().get("user").get("id").asString();
    }
}
