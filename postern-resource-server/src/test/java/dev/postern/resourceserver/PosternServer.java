package dev.postern.resourceserver;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.jwt.JwtOptions;
import dev.postern.plugin.jwt.JwtPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.net.URI;
import java.util.Map;

/** A real Postern with the jwt plugin, a signed-in client, and the URLs a resource server is given. */
final class PosternServer implements AutoCloseable {
    final TestPostern auth;
    final TestClient browser;

    PosternServer(TestDatabase database) {
        this.auth = TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(), new JwtPlugin(JwtOptions.defaults()))
                .start();
        this.browser = auth.client();
        browser.postJson("/sign-up/email", Map.of("email", "ada@example.com", "password", "correct horse battery",
                "name", "Ada")).assertStatus(200);
    }

    String issuer() {
        return auth.origin().toString();
    }

    URI jwksUrl() {
        return URI.create(auth.authUrl() + "/jwks");
    }

    String token() {
        return browser.get("/token").assertStatus(200).json().get("token").asString();
    }

    String userId() {
        return browser.get("/get-session").json().get("user").get("id").asString();
    }

    void rotate() {
        auth.postern().plugin(JwtPlugin.class).orElseThrow().rotateKeys();
    }

    @Override
    public void close() {
        auth.close();
    }
}
