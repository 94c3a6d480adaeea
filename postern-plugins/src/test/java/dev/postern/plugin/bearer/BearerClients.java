package dev.postern.plugin.bearer;

import dev.postern.json.Json;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.http.HttpRequest;

/**
 * A client as a mobile app or a server is one: no cookie jar, no {@code Origin}, only
 * {@code Authorization: Bearer <token>}. Each request goes out on a fresh client so no cookie a response
 * sets can sneak into the next request.
 */
final class BearerClients {
    private final TestPostern auth;

    BearerClients(TestPostern auth) {
        this.auth = auth;
    }

    /** The core routes plus the bearer plugin with these options. */
    static TestPostern start(TestDatabase database, BearerOptions options) {
        return TestPostern.builder()
                .database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(), new BearerPlugin(options))
                .start();
    }

    /** Signs {@code email} up in a browser-like client and returns the {@code set-auth-token} it got. */
    String signUp(String email) {
        return Users.signUp(auth.client(), email).header("set-auth-token").orElseThrow();
    }

    TestResponse get(String path, String token) {
        return auth.client().origin(null).send(auth.client().builder(path)
                .header("Authorization", "Bearer " + token).GET());
    }

    TestResponse postJson(String path, Object body, String token) {
        return auth.client().origin(null).send(auth.client().builder(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }
}
