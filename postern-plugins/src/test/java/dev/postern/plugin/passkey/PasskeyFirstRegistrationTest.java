package dev.postern.plugin.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * better-auth's {@code registration: {requireSession: false, resolveUser, afterVerification}}: a passkey
 * registered while signed out (passkey-first sign-up), for the user the callbacks name.
 */
class PasskeyFirstRegistrationTest {

    /** resolveUser names a pending user from the context; afterVerification creates the real one. */
    private static TestPostern start(TestDatabase database) {
        PasskeyRegistration registration = new PasskeyRegistration(false,
                (ctx, context) -> context == null ? Optional.empty()
                        : Optional.of(new PasskeyRegistration.User("pending", context, "New user")),
                (ctx, user, response, context) -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("email", user.name());
                    data.put("name", user.displayName());
                    String id = ctx.postern().users().create(data).id();
                    return Optional.of(new PasskeyRegistration.Outcome(id, "First passkey"));
                });
        return TestPostern.start(database, new EmailPasswordPlugin(), new SessionPlugin(),
                new PasskeyPlugin(PasskeyOptions.defaults().withRegistration(registration)));
    }

    @SqliteAndPostgres
    void signedOutRegistrationCreatesTheUserAndSignsIn(TestDatabase database) {
        try (TestPostern auth = start(database)) {
            TestClient browser = auth.client();
            SoftAuthenticator authenticator = new SoftAuthenticator();

            JsonNode options = browser.get("/passkey/generate-register-options?context=new@example.com")
                    .assertStatus(200).json();
            assertThat(options.get("user").get("name").asString()).isEqualTo("new@example.com");
            assertThat(options.get("user").get("displayName").asString()).isEqualTo("New user");
            TestResponse response = browser.postJson("/passkey/verify-registration", Map.of(
                    "response", authenticator.register(options.get("challenge").asString(),
                            Ceremonies.origin(auth), Ceremonies.rpId(auth)),
                    "createSession", true)).assertStatus(200);

            JsonNode body = response.json();
            assertThat(body.get("name").asString()).isEqualTo("First passkey");
            assertThat(body.get("user").get("email").asString()).isEqualTo("new@example.com");
            assertThat(body.get("userId").asString()).isEqualTo(body.get("user").get("id").asString());
            assertThat(browser.get("/get-session").json().get("user").get("email").asString()).isEqualTo("new@example.com");
            Ceremonies.signIn(auth, auth.client(), authenticator).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void withoutAUserToRegisterForTheAnswersAreBetterAuths(TestDatabase database) {
        try (TestPostern auth = start(database)) {
            auth.client().get("/passkey/generate-register-options").assertError(400, "RESOLVED_USER_INVALID");
        }
        PasskeyOptions noResolver = PasskeyOptions.defaults()
                .withRegistration(new PasskeyRegistration(false, null, null));
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin(), new PasskeyPlugin(noResolver))) {
            auth.client().get("/passkey/generate-register-options").assertError(400, "RESOLVE_USER_REQUIRED");
            // Signed in, the session's user is the one, fresh or not.
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");
            Ceremonies.register(auth, client, new SoftAuthenticator(), null).assertStatus(200);
            assertThat(Ceremonies.passkeyRows(auth)).isEqualTo(1);
        }
    }

    @SqliteAndPostgres
    void afterVerificationCannotMoveASignedInUsersPasskeyToSomeoneElse(TestDatabase database) {
        PasskeyRegistration registration = new PasskeyRegistration(true, null,
                (ctx, user, response, context) -> Optional.of(new PasskeyRegistration.Outcome("someone-else", null)));
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin(),
                new PasskeyPlugin(new PasskeyOptions(null, null, List.of(), null, null, registration)))) {
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");

            Ceremonies.register(auth, client, new SoftAuthenticator(), null)
                    .assertError(401, "YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY");
            assertThat(Ceremonies.passkeyRows(auth)).isZero();
        }
    }
}
