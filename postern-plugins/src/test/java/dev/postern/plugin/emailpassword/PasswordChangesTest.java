package dev.postern.plugin.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.PosternApi.ApiCall;
import dev.postern.error.ApiException;
import dev.postern.http.Headers;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /change-password}, {@code /verify-password} and the server-only {@code setPassword} (wire reference §4). */
class PasswordChangesTest {

    @SqliteAndPostgres
    void changePasswordKeepsOtherSessionsUnlessAskedToRevokeThem(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin(), new SessionPlugin())) {
            TestClient laptop = auth.client();
            String userId = Users.signUp(laptop, "ada@example.com").json().get("user").get("id").asString();
            TestClient phone = auth.client();
            Users.signIn(phone, "ada@example.com", Users.PASSWORD).assertStatus(200);

            TestResponse kept = laptop.postJson("/change-password",
                    Map.of("currentPassword", Users.PASSWORD, "newPassword", "second password"));
            TestResponse revoked = laptop.postJson("/change-password", Map.of("currentPassword", "second password",
                    "newPassword", "third password", "revokeOtherSessions", true));

            kept.assertStatus(200);
            assertThat(kept.json().get("token").isNull()).isTrue();
            assertThat(kept.json().get("user").get("id").asString()).isEqualTo(userId);
            revoked.assertStatus(200);
            String newToken = revoked.json().get("token").asString();
            assertThat(newToken).hasSize(32);
            assertThat(laptop.cookie("better-auth.session_token")).startsWith(newToken + ".");
            assertThat(phone.get("/get-session").body()).isEqualTo("null");
            assertThat(laptop.get("/get-session").json().get("session").get("token").asString()).isEqualTo(newToken);
            assertThat(auth.postern().store().count(CoreSchema.SESSION, Where.eq("userId", userId))).isEqualTo(1);
            Users.signIn(auth.client(), "ada@example.com", "third password").assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void changePasswordRefusesWrongOrMissingCredentials(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            TestClient client = auth.client();
            Map<String, Object> body = Map.of("currentPassword", Users.PASSWORD, "newPassword", "second password");
            client.postJson("/change-password", body).assertError(401, "UNAUTHORIZED");
            Users.signUp(client, "ada@example.com");

            client.postJson("/change-password", Map.of("currentPassword", "wrong password", "newPassword", "second password"))
                    .assertError(400, "INVALID_PASSWORD");
            client.postJson("/change-password", Map.of("currentPassword", Users.PASSWORD, "newPassword", "short"))
                    .assertError(400, "PASSWORD_TOO_SHORT");
            client.postJson("/change-password", Map.of("currentPassword", "x".repeat(129), "newPassword", "second password"))
                    .assertError(400, "PASSWORD_TOO_LONG");
            Row user = auth.postern().users().findByEmail("ada@example.com").orElseThrow();
            auth.postern().store().deleteMany(CoreSchema.ACCOUNT, Where.eq("userId", user.id()));
            client.postJson("/change-password", body).assertError(400, "CREDENTIAL_ACCOUNT_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void verifyPasswordConfirmsOnlyTheRightPassword(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            TestClient client = auth.client();
            client.postJson("/verify-password", Map.of("password", Users.PASSWORD)).assertError(401, "UNAUTHORIZED");
            Users.signUp(client, "ada@example.com");

            TestResponse right = client.postJson("/verify-password", Map.of("password", Users.PASSWORD));
            TestResponse wrong = client.postJson("/verify-password", Map.of("password", "wrong password"));

            right.assertStatus(200);
            assertThat(right.body()).isEqualTo("{\"status\":true}");
            wrong.assertError(400, "INVALID_PASSWORD");
        }
    }

    @SqliteAndPostgres
    void setPasswordGivesAPasswordOnceAndOnlyFromServerCode(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            Row user = SignInTest.insertUserWithoutPassword(auth, "social@example.com");
            Session session = auth.postern().sessions().createWithoutCookies(user, "127.0.0.1", "test", true);
            String cookie = auth.postern().sessions().cookies()
                    .signed("session_token", session.token(), null).toHeader().split(";")[0];
            ApiCall call = ApiCall.body(Map.of("newPassword", "first password"))
                    .withHeaders(Headers.of("Cookie", cookie));

            Object first = auth.postern().api().call("setPassword", call).value();

            assertThat(first).isEqualTo(Map.of("status", true));
            Users.signIn(auth.client(), "social@example.com", "first password").assertStatus(200);
            assertThatThrownBy(() -> auth.postern().api().call("setPassword", call))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("PASSWORD_ALREADY_SET"));
            assertThatThrownBy(() -> auth.postern().api().call("setPassword", ApiCall.body(Map.of("newPassword", "x1234567"))))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("UNAUTHORIZED"));
            auth.client().postJson("/set-password", Map.of("newPassword", "first password")).assertStatus(404);
        }
    }

    @Test
    void passwordLimitsCountUtf16UnitsAsJavaScriptDoes() {
        PasswordRules rules = new PasswordRules(8, 10);
        rules.requireAcceptable("😀😀😀😀");
        assertThatThrownBy(() -> rules.requireAcceptable("😀😀😀"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("PASSWORD_TOO_SHORT"));
        assertThatThrownBy(() -> rules.requireNotTooLong("😀😀😀😀😀😀"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("PASSWORD_TOO_LONG"));
    }
}
