package dev.postern.plugin.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
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

/** {@code POST /delete-user} and {@code GET /delete-user/callback} (wire reference §4.1 "/delete-user", §7.4). */
class DeleteUserTest {

    @SqliteAndPostgres
    void aFreshSessionDeletesTheUserWithSessionsAndAccounts(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, UserOptions.DeleteUserOptions.on(), new MutableClock())) {
            TestClient client = auth.client();
            String userId = Users.signUp(client, "ada@example.com").json().get("user").get("id").asString();
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);

            TestResponse response = client.postJson("/delete-user", Map.of());

            response.assertStatus(200);
            assertThat(response.body()).isEqualTo("{\"success\":true,\"message\":\"User deleted\"}");
            assertThat(response.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=;")
                    .contains("Max-Age=0"));
            assertThat(auth.postern().users().findById(userId)).isEmpty();
            assertThat(auth.postern().store().count(CoreSchema.ACCOUNT, Where.eq("userId", userId))).isZero();
            assertThat(auth.postern().store().count(CoreSchema.SESSION, Where.eq("userId", userId))).isZero();
            assertThat(client.get("/get-session").body()).isEqualTo("null");
        }
    }

    @SqliteAndPostgres
    void anOldSessionNeedsThePassword(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, UserOptions.DeleteUserOptions.on(), clock)) {
            TestClient client = auth.client();
            String userId = Users.signUp(client, "ada@example.com").json().get("user").get("id").asString();
            clock.advance(Duration.ofDays(2));

            client.postJson("/delete-user", Map.of()).assertError(400, "SESSION_EXPIRED");
            client.postJson("/delete-user", Map.of("password", "wrong password")).assertError(400, "INVALID_PASSWORD");
            client.postJson("/delete-user", Map.of("password", "x".repeat(200))).assertError(400, "PASSWORD_TOO_LONG");
            assertThat(auth.postern().users().findById(userId)).isPresent();
            client.postJson("/delete-user", Map.of("password", Users.PASSWORD)).assertStatus(200);
            assertThat(auth.postern().users().findById(userId)).isEmpty();
        }
    }

    @SqliteAndPostgres
    void withVerificationTheMailedLinkDeletesTheAccount(TestDatabase database) {
        UserOptions.DeleteUserOptions mailed = UserOptions.DeleteUserOptions.on().withVerificationEmail(true);
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, mailed, new MutableClock())) {
            TestClient client = auth.client();
            String userId = Users.signUp(client, "ada@example.com").json().get("user").get("id").asString();

            TestResponse requested = client.postJson("/delete-user", Map.of("callbackURL", "/goodbye"));
            Mailbox.Mail mail = mailbox.lastTo("ada@example.com");
            List<Row> rows = auth.postern().store().findMany(CoreSchema.VERIFICATION, dev.postern.store.Query.all());
            TestResponse stranger = auth.client().get(mail.link());
            TestResponse confirmed = client.get(mail.link());

            requested.assertStatus(200);
            assertThat(requested.body()).isEqualTo("{\"success\":true,\"message\":\"Verification email sent\"}");
            assertThat(mail.subject()).isEqualTo("Postern: Confirm account deletion");
            assertThat(mail.link()).matches(java.util.regex.Pattern.quote(auth.authUrl())
                    + "/delete-user/callback\\?token=[0-9a-z]{32}&callbackURL=%2Fgoodbye");
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.string("identifier")).matches("delete-account-[0-9a-z]{32}");
                assertThat(row.string("value")).isEqualTo(userId);
            });
            stranger.assertError(404, "FAILED_TO_GET_USER_INFO");
            confirmed.assertStatus(302);
            assertThat(confirmed.header("Location")).hasValue("/goodbye");
            assertThat(auth.postern().users().findById(userId)).isEmpty();
            assertThat(client.cookies()).doesNotContainKey("better-auth.session_token");
        }
    }

    @SqliteAndPostgres
    void aTokenIsSingleUseAndBoundToItsUser(TestDatabase database) {
        UserOptions.DeleteUserOptions mailed = UserOptions.DeleteUserOptions.on().withVerificationEmail(true);
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, mailed, new MutableClock())) {
            TestClient ada = auth.client();
            Users.signUp(ada, "ada@example.com");
            TestClient eve = auth.client();
            Users.signUp(eve, "eve@example.com");
            ada.postJson("/delete-user", Map.of()).assertStatus(200);
            String token = mailbox.lastTo("ada@example.com").tokenParameter();

            eve.postJson("/delete-user", Map.of("token", token)).assertError(404, "INVALID_TOKEN");
            ada.get("/delete-user/callback?token=wrong").assertError(404, "INVALID_TOKEN");
            ada.postJson("/delete-user", Map.of("token", token)).assertStatus(200);

            assertThat(auth.postern().users().findByEmail("ada@example.com")).isEmpty();
            assertThat(auth.postern().users().findByEmail("eve@example.com")).isPresent();
        }
    }

    @SqliteAndPostgres
    void deletionIsOffUnlessEnabled(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, UserOptions.DeleteUserOptions.off(), new MutableClock())) {
            TestClient client = auth.client();
            Users.signUp(client, "ada@example.com");

            TestResponse delete = client.postJson("/delete-user", Map.of());
            TestResponse callback = client.get("/delete-user/callback?token=abc");

            delete.assertStatus(404);
            assertThat(delete.body()).isEmpty();
            callback.assertError(404, "NOT_FOUND");
            assertThat(auth.postern().users().findByEmail("ada@example.com")).isPresent();
        }
    }

    private static TestPostern start(TestDatabase database, Mailbox mailbox, UserOptions.DeleteUserOptions deleteUser,
                                     MutableClock clock) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(), new UserPlugin(UserOptions.defaults().withDeleteUser(deleteUser)),
                        new SessionPlugin())
                .configure(b -> b.mailer(mailbox.mailer()).clock(clock))
                .start();
    }
}
