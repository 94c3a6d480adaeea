package dev.postern.plugin.passkey;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;

/** Short ways through the passkey ceremonies over HTTP, with a {@link SoftAuthenticator}. */
final class Ceremonies {
    static final String CHALLENGE_COOKIE = "better-auth.better-auth-passkey";

    private Ceremonies() {
    }

    static TestPostern start(TestDatabase database) {
        return TestPostern.start(database, new EmailPasswordPlugin(), new SessionPlugin(), new PasskeyPlugin());
    }

    /** A client signed up (and so signed in) as {@code email}. */
    static TestClient signedIn(TestPostern auth, String email) {
        TestClient client = auth.client();
        Users.signUp(client, email);
        return client;
    }

    static String origin(TestPostern auth) {
        return auth.postern().config().origin();
    }

    /** The relying party id of a default configuration: the base URL's host. */
    static String rpId(TestPostern auth) {
        return auth.origin().getHost();
    }

    /** Runs a whole registration; returns the verify-registration response. */
    static TestResponse register(TestPostern auth, TestClient client, SoftAuthenticator authenticator, String name) {
        String challenge = client.get("/passkey/generate-register-options").assertStatus(200)
                .json().get("challenge").asString();
        Map<String, Object> body = name == null
                ? Map.of("response", authenticator.register(challenge, origin(auth), rpId(auth)))
                : Map.of("response", authenticator.register(challenge, origin(auth), rpId(auth)), "name", name);
        return client.postJson("/passkey/verify-registration", body);
    }

    /** Runs a whole sign-in; returns the verify-authentication response. */
    static TestResponse signIn(TestPostern auth, TestClient client, SoftAuthenticator authenticator) {
        String challenge = client.get("/passkey/generate-authenticate-options").assertStatus(200)
                .json().get("challenge").asString();
        return client.postJson("/passkey/verify-authentication",
                Map.of("response", authenticator.authenticate(challenge, origin(auth), rpId(auth))));
    }

    static Row passkeyRow(TestPostern auth, String credentialId) {
        return auth.postern().store().findOne("passkey", Where.eq("credentialID", credentialId)).orElseThrow();
    }

    static long passkeyRows(TestPostern auth) {
        return auth.postern().store().count("passkey", Where.all());
    }
}
