package dev.postern.plugin.haveibeenpwned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

/** The have-i-been-pwned plugin against a local server playing the range API (wire reference §12). */
class HaveIBeenPwnedTest {
    private static final String BREACHED = "password123456";
    private static final String SAFE = "a safe and long passphrase";
    private static final String MESSAGE =
            "The password you entered has been compromised. Please choose a different password.";

    @SqliteAndPostgres
    void signUpWithABreachedPasswordIsRefusedAndOnlyAHashPrefixLeaves(TestDatabase database) {
        try (FakeRangeApi api = FakeRangeApi.start();
             TestPostern auth = start(database, HaveIBeenPwnedOptions.defaults().withRangeApiUrl(api.url()))) {
            api.breached(BREACHED, 52_579);
            api.breached(SAFE, 0);

            TestResponse refused = signUp(auth.client(), "ada@example.com", BREACHED);
            TestResponse accepted = signUp(auth.client(), "bob@example.com", SAFE);

            refused.assertError(400, "PASSWORD_COMPROMISED");
            assertThat(refused.json().get("message").asString()).isEqualTo(MESSAGE);
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.eq("email", "ada@example.com"))).isZero();
            accepted.assertStatus(200);
            String sha1 = PwnedPasswords.sha1Hex(BREACHED);
            assertThat(api.asked().get(0).path()).isEqualTo("/range/" + sha1.substring(0, 5));
            assertThat(api.asked().get(0).addPadding()).isEqualTo("true");
            assertThat(api.asked()).hasSize(2);
        }
    }

    @SqliteAndPostgres
    void changingToABreachedPasswordIsRefused(TestDatabase database) {
        try (FakeRangeApi api = FakeRangeApi.start();
             TestPostern auth = start(database, HaveIBeenPwnedOptions.defaults().withRangeApiUrl(api.url()))) {
            api.breached(BREACHED, 3);
            TestClient ada = auth.client();
            Users.signUp(ada, "ada@example.com");

            TestResponse refused = ada.postJson("/change-password",
                    Map.of("currentPassword", Users.PASSWORD, "newPassword", BREACHED));
            TestResponse changed = ada.postJson("/change-password",
                    Map.of("currentPassword", Users.PASSWORD, "newPassword", SAFE));
            TestResponse signIn = ada.postJson("/sign-in/email", Map.of("email", "ada@example.com", "password", "x"));
            int asked = api.asked().size();

            refused.assertError(400, "PASSWORD_COMPROMISED");
            changed.assertStatus(200);
            signIn.assertError(401, "INVALID_EMAIL_OR_PASSWORD");
            assertThat(api.asked()).hasSize(asked);
        }
    }

    @SqliteAndPostgres
    void anUnreachableOrFailingApiFailsClosedAsBetterAuthDoes(TestDatabase database) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TestPostern auth = start(database, HaveIBeenPwnedOptions.defaults()
                .withRangeApiUrl(URI.create("http://127.0.0.1:" + closedPort + "/range")))) {
            TestResponse down = signUp(auth.client(), "ada@example.com", SAFE);

            assertThat(down.status()).isEqualTo(500);
            assertThat(down.body()).isEqualTo("{\"message\":\"Failed to check password. Please try again later.\"}");
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.eq("email", "ada@example.com"))).isZero();
        }
        try (FakeRangeApi api = FakeRangeApi.start();
             TestPostern auth = start(database, HaveIBeenPwnedOptions.defaults().withRangeApiUrl(api.url()))) {
            api.failWith(503);

            TestResponse failing = signUp(auth.client(), "ada@example.com", SAFE);

            assertThat(failing.status()).isEqualTo(500);
            assertThat(failing.body()).isEqualTo("{\"message\":\"Failed to check password. Status: 503\"}");
        }
    }

    @SqliteAndPostgres
    void optionsChangeTheMessagePathsAndSwitch(TestDatabase database) {
        try (FakeRangeApi api = FakeRangeApi.start();
             TestPostern custom = start(database, new HaveIBeenPwnedOptions(true, null, "Pick another one", api.url()));
             TestPostern off = start(database, new HaveIBeenPwnedOptions(false, null, null, api.url()))) {
            api.breached(BREACHED, 1);

            TestResponse customMessage = signUp(custom.client(), "ada@example.com", BREACHED);
            TestResponse tooShort = signUp(custom.client(), "bob@example.com", "short");
            int askedBefore = api.asked().size();
            TestResponse disabled = signUp(off.client(), "ada@example.com", BREACHED);

            customMessage.assertError(400, "PASSWORD_COMPROMISED");
            assertThat(customMessage.json().get("message").asString()).isEqualTo("Pick another one");
            tooShort.assertError(400, "PASSWORD_TOO_SHORT");
            assertThat(askedBefore).isEqualTo(1);
            disabled.assertStatus(200);
            assertThat(api.asked()).hasSize(askedBefore);
        }
    }

    private static TestResponse signUp(TestClient client, String email, String password) {
        return client.postJson("/sign-up/email", Map.of("email", email, "password", password, "name", "Ada"));
    }

    private static TestPostern start(TestDatabase database, HaveIBeenPwnedOptions options) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(), new SessionPlugin(), new UserPlugin(), new HaveIBeenPwnedPlugin(options))
                .start();
    }
}
