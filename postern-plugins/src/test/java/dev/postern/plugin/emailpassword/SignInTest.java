package dev.postern.plugin.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Row;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /sign-in/email} (wire reference §4.1 "/sign-in/email", §8). */
class SignInTest {
    /** Made by better-auth 1.7.25's {@code hashPassword("correct horse battery")} (scrypt, §8). */
    private static final String BETTER_AUTH_HASH = "d455bf7b08818edeadd25a84bc69ac78:9fa22a0892a8b2ab7adf280559b40536"
            + "253103d32b2b9ea22f8117eb678f14298737a8d2e5a942f64fcaccc095b685d695be7f77a20c9297bd75cd2408cb8746";

    @SqliteAndPostgres
    void signInAnswersTokenAndUserAndSetsTheSessionCookie(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            Users.signUp(auth.client(), "ada@example.com");
            TestClient browser = auth.client();

            TestResponse response = Users.signIn(browser, "ADA@example.com", Users.PASSWORD);

            response.assertStatus(200);
            assertThat(response.json().get("redirect").asBoolean()).isFalse();
            assertThat(response.json().get("token").asString()).hasSize(32);
            assertThat(response.json().has("url")).isFalse();
            assertThat(response.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(response.header("Location")).isEmpty();
            assertThat(browser.cookie("better-auth.session_token")).startsWith(response.json().get("token").asString() + ".");
        }
    }

    @SqliteAndPostgres
    void everyMismatchIsTheSameUnauthorizedAnswer(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            Users.signUp(auth.client(), "ada@example.com");
            insertUserWithoutPassword(auth, "social@example.com");
            TestClient client = auth.client();

            TestResponse wrongPassword = Users.signIn(client, "ada@example.com", "wrong password");
            TestResponse unknownUser = Users.signIn(client, "nobody@example.com", Users.PASSWORD);
            TestResponse noPassword = Users.signIn(client, "social@example.com", Users.PASSWORD);

            for (TestResponse response : new TestResponse[] {wrongPassword, unknownUser, noPassword}) {
                response.assertError(401, "INVALID_EMAIL_OR_PASSWORD");
                assertThat(response.json().get("message").asString()).isEqualTo("Invalid email or password");
                assertThat(response.setCookies()).isEmpty();
            }
            Users.signIn(client, "not an email", Users.PASSWORD).assertError(400, "INVALID_EMAIL");
            Users.signIn(client, "ada@example.com", "x".repeat(129)).assertError(400, "PASSWORD_TOO_LONG");
            client.post("/sign-in/email", "text/plain", "x").assertError(415, "UNSUPPORTED_MEDIA_TYPE");
        }
    }

    @SqliteAndPostgres
    void formBodiesAndCallbackUrlsWorkAsInBetterAuth(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            Users.signUp(auth.client(), "ada@example.com");

            TestResponse form = auth.client().post("/sign-in/email", "application/x-www-form-urlencoded",
                    "email=ada%40example.com&password=correct+horse+battery&callbackURL=%2Fdashboard");
            TestResponse untrusted = auth.client().postJson("/sign-in/email", Map.of("email", "ada@example.com",
                    "password", Users.PASSWORD, "callbackURL", "https://evil.example/"));

            form.assertStatus(200);
            assertThat(form.header("Location")).hasValue("/dashboard");
            assertThat(form.json().get("redirect").asBoolean()).isTrue();
            assertThat(form.json().get("url").asString()).isEqualTo("/dashboard");
            untrusted.assertError(403, "INVALID_CALLBACK_URL");
        }
    }

    @SqliteAndPostgres
    void aUserStoredByBetterAuthSignsInWithItsScryptHash(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            Instant created = Instant.parse("2026-11-20T10:00:00.000Z");
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("id", "G46Gc2874p3wQup2xOedTPqU1DJmp2Gv");
            raw.put("name", "Legacy");
            raw.put("email", "legacy@example.com");
            raw.put("emailVerified", false);
            raw.put("createdAt", created);
            raw.put("updatedAt", created);
            Row user = auth.postern().store().create(CoreSchema.USER, raw);
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("id", "5StWJgPQQsuuHLBIaXAu19v0GoOzZxR3");
            account.put("accountId", user.id());
            account.put("providerId", "credential");
            account.put("userId", user.id());
            account.put("password", BETTER_AUTH_HASH);
            account.put("createdAt", created);
            account.put("updatedAt", created);
            auth.postern().store().create(CoreSchema.ACCOUNT, account);

            Users.signIn(auth.client(), "legacy@example.com", "correct horse battery").assertStatus(200);
            Users.signIn(auth.client(), "legacy@example.com", "correct horse batterY")
                    .assertError(401, "INVALID_EMAIL_OR_PASSWORD");
            assertThat(auth.postern().accounts().credentialOf(user.id()).orElseThrow().string("password"))
                    .isEqualTo(BETTER_AUTH_HASH);
        }
    }

    @SqliteAndPostgres
    void choosingArgon2idUpgradesScryptHashesAtTheNextSignIn(TestDatabase database) {
        EmailPasswordPlugin plugin = new EmailPasswordPlugin(EmailPasswordOptions.builder()
                .passwordHashing(EmailPasswordOptions.PasswordHashing.ARGON2ID).build());
        try (TestPostern auth = TestPostern.start(database, plugin)) {
            Row user = insertUserWithoutPassword(auth, "legacy@example.com");
            auth.postern().accounts().createCredential(user.id(), BETTER_AUTH_HASH);

            Users.signIn(auth.client(), "legacy@example.com", "correct horse battery").assertStatus(200);

            String stored = auth.postern().accounts().credentialOf(user.id()).orElseThrow().string("password");
            assertThat(stored).startsWith("$argon2id$");
            Users.signIn(auth.client(), "legacy@example.com", "correct horse battery").assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void anUnverifiedUserIsRefusedAndMailedANewLinkWhenConfigured(TestDatabase database) {
        EmailPasswordPlugin plugin = new EmailPasswordPlugin(EmailPasswordOptions.builder()
                .requireEmailVerification(true)
                .emailVerification(EmailVerificationOptions.defaults().withSendOnSignUp(false).withSendOnSignIn(true))
                .build());
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = TestPostern.builder().database(database).plugins(plugin)
                     .configure(b -> b.mailer(mailbox.mailer())).start()) {
            Users.signUp(auth.client(), "ada@example.com");
            assertThat(mailbox.count()).isZero();

            TestResponse refused = auth.client().postJson("/sign-in/email", Map.of("email", "ada@example.com",
                    "password", Users.PASSWORD, "callbackURL", "/welcome"));

            refused.assertError(403, "EMAIL_NOT_VERIFIED");
            assertThat(refused.setCookies()).isEmpty();
            assertThat(mailbox.lastTo("ada@example.com").link())
                    .startsWith(auth.authUrl() + "/verify-email?token=").endsWith("&callbackURL=%2Fwelcome");
        }
    }

    @SqliteAndPostgres
    void aDisabledPluginRefusesSignIn(TestDatabase database) {
        EmailPasswordPlugin off = new EmailPasswordPlugin(EmailPasswordOptions.builder().enabled(false).build());
        try (TestPostern auth = TestPostern.start(database, off)) {
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertError(400, "EMAIL_PASSWORD_DISABLED");
        }
    }

    static Row insertUserWithoutPassword(TestPostern auth, String email) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("email", email);
        data.put("name", "No Password");
        return auth.postern().users().create(data);
    }
}
