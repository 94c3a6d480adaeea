package dev.postern.plugin.support;

import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestResponse;
import java.util.Map;

/** Short ways to get a user in a test, through the public endpoints. */
public final class Users {
    public static final String PASSWORD = "correct horse battery";

    private Users() {
    }

    /** Signs up {@code email} with {@link #PASSWORD}; the client keeps the session cookie it got. */
    public static TestResponse signUp(TestClient client, String email) {
        return client.postJson("/sign-up/email", Map.of("email", email, "password", PASSWORD, "name", "Ada"))
                .assertStatus(200);
    }

    public static TestResponse signIn(TestClient client, String email, String password) {
        return client.postJson("/sign-in/email", Map.of("email", email, "password", password));
    }
}
