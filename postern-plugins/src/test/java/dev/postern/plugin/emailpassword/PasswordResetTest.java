package dev.postern.plugin.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The password reset flow (wire reference §4.1 "Password reset", §7.4, Appendix A). */
class PasswordResetTest {
    private static final String SAME_ANSWER = "If this email exists in our system, check your email for the reset link";

    @SqliteAndPostgres
    void theMailedLinkLeadsToTheAppWhichSetsANewPasswordOnce(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, EmailPasswordOptions.defaults(), new MutableClock())) {
            Users.signUp(auth.client(), "ada@example.com");
            TestClient browser = auth.client();

            TestResponse requested = browser.postJson("/request-password-reset",
                    Map.of("email", "ada@example.com", "redirectTo", "/reset"));
            String link = mailbox.lastTo("ada@example.com").link();
            String token = mailbox.lastTo("ada@example.com").lastPathSegment();
            TestResponse opened = browser.get(link);
            TestResponse reset = browser.postJson("/reset-password", Map.of("newPassword", "new password 1", "token", token));
            TestResponse replay = browser.postJson("/reset-password", Map.of("newPassword", "new password 2", "token", token));

            requested.assertStatus(200);
            assertThat(requested.json().get("status").asBoolean()).isTrue();
            assertThat(requested.json().get("message").asString()).isEqualTo(SAME_ANSWER);
            assertThat(link).isEqualTo(auth.authUrl() + "/reset-password/" + token + "?callbackURL=%2Freset");
            assertThat(token).matches("[A-Za-z0-9]{24}");
            opened.assertStatus(302);
            assertThat(opened.header("Location")).hasValue(auth.origin() + "/reset?token=" + token);
            reset.assertStatus(200);
            assertThat(reset.body()).isEqualTo("{\"status\":true}");
            replay.assertError(400, "INVALID_TOKEN");
            Users.signIn(auth.client(), "ada@example.com", "new password 1").assertStatus(200);
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertError(401, "INVALID_EMAIL_OR_PASSWORD");
        }
    }

    @SqliteAndPostgres
    void theTokenIsStoredAsBetterAuthStoresIt(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, EmailPasswordOptions.defaults(), new MutableClock())) {
            String userId = Users.signUp(auth.client(), "ada@example.com").json().get("user").get("id").asString();

            auth.client().postJson("/request-password-reset", Map.of("email", "ada@example.com")).assertStatus(200);

            String link = mailbox.lastTo("ada@example.com").link();
            String token = mailbox.lastTo("ada@example.com").lastPathSegment();
            assertThat(link).endsWith("?callbackURL=");
            List<Row> rows = auth.postern().store().findMany(CoreSchema.VERIFICATION, Query.all());
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.string("identifier")).isEqualTo("reset-password:" + token);
                assertThat(row.string("value")).isEqualTo(userId);
                assertThat(Duration.between(row.instant("createdAt"), row.instant("expiresAt"))).isEqualTo(Duration.ofHours(1));
            });
        }
    }

    @SqliteAndPostgres
    void unknownAddressesGetTheSameAnswerAndNoMail(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, EmailPasswordOptions.defaults(), new MutableClock())) {
            TestResponse response = auth.client().postJson("/request-password-reset", Map.of("email", "nobody@example.com"));

            response.assertStatus(200);
            assertThat(response.json().get("message").asString()).isEqualTo(SAME_ANSWER);
            assertThat(mailbox.count()).isZero();
            assertThat(auth.postern().store().count(CoreSchema.VERIFICATION, Where.all())).isZero();
            auth.client().postJson("/request-password-reset", Map.of("email", "nobody@example.com",
                    "redirectTo", "https://evil.example/steal")).assertError(403, "INVALID_REDIRECT_URL");
        }
    }

    @SqliteAndPostgres
    void badAndExpiredTokensAreRefused(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, EmailPasswordOptions.defaults(), clock)) {
            Users.signUp(auth.client(), "ada@example.com");
            auth.client().postJson("/request-password-reset", Map.of("email", "ada@example.com", "redirectTo", "/reset"))
                    .assertStatus(200);
            String token = mailbox.lastTo("ada@example.com").lastPathSegment();
            TestClient browser = auth.client();

            TestResponse unknownToken = browser.get("/reset-password/not-a-token?callbackURL=%2Freset");
            browser.postJson("/reset-password", Map.of("newPassword", "short", "token", token))
                    .assertError(400, "PASSWORD_TOO_SHORT");
            browser.postJson("/reset-password", Map.of("newPassword", "new password 1"))
                    .assertError(400, "INVALID_TOKEN");
            browser.get("/reset-password/" + token + "?callbackURL=https%3A%2F%2Fevil.example%2F")
                    .assertError(403, "INVALID_CALLBACK_URL");
            browser.get("/reset-password/" + token).assertError(400, "VALIDATION_ERROR");
            clock.advance(Duration.ofMinutes(61));
            TestResponse expiredLink = browser.get("/reset-password/" + token + "?callbackURL=%2Freset");
            TestResponse expiredReset = browser.postJson("/reset-password?token=" + token, Map.of("newPassword", "new password 1"));

            unknownToken.assertStatus(302);
            assertThat(unknownToken.header("Location")).hasValue(auth.origin() + "/reset?error=INVALID_TOKEN");
            expiredLink.assertStatus(302);
            assertThat(expiredLink.header("Location")).hasValue(auth.origin() + "/reset?error=INVALID_TOKEN");
            expiredReset.assertError(400, "INVALID_TOKEN");
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void aResetRevokesEverySessionWhenConfigured(TestDatabase database) {
        EmailPasswordOptions revoking = EmailPasswordOptions.builder().revokeSessionsOnPasswordReset(true).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, revoking, new MutableClock())) {
            TestClient signedIn = auth.client();
            String userId = Users.signUp(signedIn, "ada@example.com").json().get("user").get("id").asString();
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
            assertThat(sessionsOf(auth, userId)).isEqualTo(2);

            resetPassword(auth, mailbox, "ada@example.com", "new password 1");

            assertThat(sessionsOf(auth, userId)).isZero();
            assertThat(signedIn.get("/get-session").body()).isEqualTo("null");
        }
    }

    @SqliteAndPostgres
    void aResetKeepsSessionsByDefault(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, EmailPasswordOptions.defaults(), new MutableClock())) {
            TestClient signedIn = auth.client();
            String userId = Users.signUp(signedIn, "ada@example.com").json().get("user").get("id").asString();

            resetPassword(auth, mailbox, "ada@example.com", "new password 1");

            assertThat(sessionsOf(auth, userId)).isEqualTo(1);
            assertThat(signedIn.get("/get-session").json().get("user").get("email").asString()).isEqualTo("ada@example.com");
        }
    }

    @SqliteAndPostgres
    void aResetGivesAUserWithoutPasswordACredentialAccount(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, EmailPasswordOptions.defaults(), new MutableClock())) {
            Row user = SignInTest.insertUserWithoutPassword(auth, "social@example.com");

            resetPassword(auth, mailbox, "social@example.com", "first password");

            assertThat(auth.postern().accounts().credentialOf(user.id())).isPresent();
            Users.signIn(auth.client(), "social@example.com", "first password").assertStatus(200);
        }
    }

    static void resetPassword(TestPostern auth, Mailbox mailbox, String email, String newPassword) {
        auth.client().postJson("/request-password-reset", Map.of("email", email)).assertStatus(200);
        String token = mailbox.lastTo(email).lastPathSegment();
        auth.client().postJson("/reset-password", Map.of("newPassword", newPassword, "token", token)).assertStatus(200);
    }

    private static long sessionsOf(TestPostern auth, String userId) {
        return auth.postern().store().count(CoreSchema.SESSION, Where.eq("userId", userId));
    }

    private static TestPostern start(TestDatabase database, Mailbox mailbox, EmailPasswordOptions options, MutableClock clock) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(options), new SessionPlugin())
                .configure(b -> b.mailer(mailbox.mailer()).clock(clock))
                .start();
    }
}
