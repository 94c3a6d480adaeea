package dev.postern.plugin.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.mail.MailException;
import dev.postern.mail.Mailer;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Where;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A mail server that refuses messages: the sign-up mail is sent after the commit and its failure only
 * logged (the account exists and works), while flows whose whole point is the mail fail with a bare 500,
 * as better-auth's awaited senders do.
 */
class MailFailureTest {

    @SqliteAndPostgres
    void aFailingSignUpMailLeavesAWorkingAccountAndAFailingResetMailIsA500(TestDatabase database) {
        AtomicBoolean down = new AtomicBoolean(true);
        Mailer flaky = message -> {
            if (down.get()) {
                throw new MailException("SMTP delivery failed: connection refused", null);
            }
        };
        EmailPasswordPlugin plugin = new EmailPasswordPlugin(EmailPasswordOptions.builder()
                .emailVerification(EmailVerificationOptions.defaults().withSendOnSignUp(true)).build());
        try (TestPostern auth = TestPostern.builder().database(database).plugins(plugin)
                .configure(b -> b.mailer(flaky)).start()) {
            TestResponse signUp = auth.client().postJson("/sign-up/email",
                    Map.of("email", "ada@example.com", "password", Users.PASSWORD, "name", "Ada"));
            TestResponse reset = auth.client().postJson("/request-password-reset", Map.of("email", "ada@example.com"));

            signUp.assertStatus(200);
            assertThat(signUp.json().get("token").asString()).hasSize(32);
            assertThat(auth.postern().store().count(CoreSchema.ACCOUNT, Where.all())).isEqualTo(1);
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
            reset.assertStatus(500);
            assertThat(reset.body()).isEmpty();
            down.set(false);
            auth.client().postJson("/request-password-reset", Map.of("email", "ada@example.com")).assertStatus(200);
        }
    }
}
