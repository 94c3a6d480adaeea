package dev.postern.plugin.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.store.Row;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /change-email} and the {@code /verify-email} links it sends (wire reference §4.1, §17.1 item 3). */
class ChangeEmailTest {

    @SqliteAndPostgres
    void aVerifiedUserApprovesFromTheOldAddressThenProvesTheNewOne(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, UserOptions.ChangeEmailOptions.on())) {
            TestClient client = auth.client();
            String userId = verifiedUser(auth, client, mailbox, "ada@example.com");

            TestResponse requested = client.postJson("/change-email", Map.of("newEmail", "Ada@New.example", "callbackURL", "/settings"));
            Mailbox.Mail approval = mailbox.lastTo("ada@example.com");
            TestResponse approved = client.get(approval.link());
            Mailbox.Mail proof = mailbox.lastTo("ada@new.example");
            TestResponse proved = client.get(proof.link());

            requested.assertStatus(200);
            assertThat(requested.body()).isEqualTo("{\"status\":true}");
            assertThat(approval.subject()).isEqualTo("Postern: Approve your new email address");
            assertThat(approval.text()).contains("ada@new.example");
            approved.assertStatus(302);
            assertThat(approved.header("Location")).hasValue("/settings");
            proved.assertStatus(302);
            Row user = auth.postern().users().findById(userId).orElseThrow();
            assertThat(user.string("email")).isEqualTo("ada@new.example");
            assertThat(user.bool("emailVerified")).isTrue();
            assertThat(client.get("/get-session").json().get("user").get("email").asString()).isEqualTo("ada@new.example");
        }
    }

    @SqliteAndPostgres
    void withoutApprovalTheNewAddressIsAskedDirectlyAndTheLinkAnswersTheUser(TestDatabase database) {
        UserOptions.ChangeEmailOptions direct = UserOptions.ChangeEmailOptions.on().withConfirmWithCurrentAddress(false);
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, direct)) {
            TestClient client = auth.client();
            verifiedUser(auth, client, mailbox, "ada@example.com");
            int before = mailbox.count();

            client.postJson("/change-email", Map.of("newEmail", "ada@new.example")).assertStatus(200);
            String token = mailbox.lastTo("ada@new.example").tokenParameter();
            TestResponse proved = auth.client().get("/verify-email?token=" + token);

            assertThat(mailbox.count()).isEqualTo(before + 1);
            proved.assertStatus(200);
            assertThat(proved.json().get("status").asBoolean()).isTrue();
            assertThat(proved.json().get("user").get("email").asString()).isEqualTo("ada@new.example");
            assertThat(proved.json().get("user").get("emailVerified").asBoolean()).isTrue();
        }
    }

    @SqliteAndPostgres
    void anUnverifiedUserMayChangeAtOnceWhenAllowed(TestDatabase database) {
        UserOptions.ChangeEmailOptions immediate = UserOptions.ChangeEmailOptions.on().withUpdateEmailWithoutVerification(true);
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, immediate)) {
            TestClient client = auth.client();
            Users.signUp(client, "ada@example.com");

            client.postJson("/change-email", Map.of("newEmail", "ada@new.example")).assertStatus(200);

            assertThat(auth.postern().users().findByEmail("ada@new.example")).isPresent();
            assertThat(client.get("/get-session").json().get("user").get("email").asString()).isEqualTo("ada@new.example");
            client.get(mailbox.lastTo("ada@new.example").link()).assertStatus(302);
            assertThat(auth.postern().users().findByEmail("ada@new.example").orElseThrow().bool("emailVerified")).isTrue();
        }
    }

    @SqliteAndPostgres
    void changeEmailRefusesOrPretendsAsBetterAuthDoes(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, UserOptions.ChangeEmailOptions.on())) {
            TestClient client = auth.client();
            client.postJson("/change-email", Map.of("newEmail", "x@example.com")).assertError(401, "UNAUTHORIZED");
            Users.signUp(auth.client(), "taken@example.com");
            Users.signUp(client, "ada@example.com");
            int before = mailbox.count();

            TestResponse same = client.postJson("/change-email", Map.of("newEmail", "ADA@example.com"));
            TestResponse taken = client.postJson("/change-email", Map.of("newEmail", "taken@example.com"));
            client.postJson("/change-email", Map.of("newEmail", "x@example.com", "callbackURL", "https://evil.example/"))
                    .assertError(403, "INVALID_CALLBACK_URL");

            same.assertStatus(400);
            assertThat(same.body()).isEqualTo("{\"message\":\"Email is the same\"}");
            taken.assertStatus(200);
            assertThat(taken.body()).isEqualTo("{\"status\":true}");
            assertThat(mailbox.count()).isEqualTo(before);
        }
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, UserOptions.ChangeEmailOptions.off())) {
            TestClient client = auth.client();
            Users.signUp(client, "ada@example.com");
            client.postJson("/change-email", Map.of("newEmail", "new@example.com")).assertError(400, "CHANGE_EMAIL_DISABLED");
        }
    }

    @SqliteAndPostgres
    void anotherSignedInUserCannotRedeemTheLink(TestDatabase database) {
        UserOptions.ChangeEmailOptions direct = UserOptions.ChangeEmailOptions.on().withConfirmWithCurrentAddress(false);
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, direct)) {
            TestClient ada = auth.client();
            Users.signUp(ada, "ada@example.com");
            TestClient eve = auth.client();
            Users.signUp(eve, "eve@example.com");
            ada.postJson("/change-email", Map.of("newEmail", "ada@new.example")).assertStatus(200);

            String token = mailbox.lastTo("ada@new.example").tokenParameter();

            eve.get("/verify-email?token=" + token).assertError(401, "INVALID_USER");
            assertThat(auth.postern().users().findByEmail("ada@example.com")).isPresent();
        }
    }

    @Test
    void changingEmailWithoutTheEmailPasswordPluginFailsAtStartUp() {
        UserPlugin alone = new UserPlugin(UserOptions.defaults().withChangeEmail(UserOptions.ChangeEmailOptions.on()));
        assertThatThrownBy(() -> TestPostern.start(TestDatabase.SQLITE, alone))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("email-password");
    }

    /** Signs up and verifies through the mailed link; returns the user id. */
    private static String verifiedUser(TestPostern auth, TestClient client, Mailbox mailbox, String email) {
        String id = Users.signUp(client, email).json().get("user").get("id").asString();
        client.postJson("/send-verification-email", Map.of("email", email)).assertStatus(200);
        client.get(mailbox.lastTo(email).link()).assertStatus(302);
        return id;
    }

    private static TestPostern start(TestDatabase database, Mailbox mailbox, UserOptions.ChangeEmailOptions changeEmail) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(), new UserPlugin(UserOptions.defaults().withChangeEmail(changeEmail)),
                        new SessionPlugin())
                .configure(b -> b.mailer(mailbox.mailer()))
                .start();
    }
}
