package dev.postern.plugin.emailotp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordOptions;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.emailpassword.EmailVerificationOptions;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The options that change how codes are made, delivered and required. */
class EmailOtpOptionsTest {

    @SqliteAndPostgres
    void aJavaSenderGetsLongerCodesAndOneAttemptSpendsThem(TestDatabase database) {
        List<OtpSender.OneTimeCode> sent = new CopyOnWriteArrayList<>();
        EmailOtpOptions options = EmailOtpOptions.builder().sendVerificationOTP(sent::add).otpLength(8).allowedAttempts(1).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, EmailPasswordOptions.defaults())) {
            auth.client().postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "sign-in"))
                    .assertStatus(200);
            String otp = sent.get(0).otp();
            String wrong = otp.equals("00000000") ? "11111111" : "00000000";

            TestResponse guess = signIn(auth, otp.substring(0, 7) + (otp.endsWith("0") ? "1" : "0"));
            TestResponse late = signIn(auth, otp);

            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).email()).isEqualTo("ada@example.com");
            assertThat(sent.get(0).type()).isEqualTo("sign-in");
            assertThat(otp).matches("\\d{8}").isNotEqualTo(wrong);
            assertThat(mailbox.count()).isZero();
            guess.assertError(400, "INVALID_OTP");
            late.assertError(403, "TOO_MANY_ATTEMPTS");
        }
    }

    @SqliteAndPostgres
    void verifyCurrentEmailRequiresACodeOfTheCurrentAddressFirst(TestDatabase database) {
        EmailOtpOptions options = EmailOtpOptions.builder().changeEmail(new EmailOtpOptions.ChangeEmail(true, true)).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, EmailPasswordOptions.defaults())) {
            TestClient ada = auth.client();
            Users.signUp(ada, "ada@example.com");

            TestResponse withoutCode = ada.postJson("/email-otp/request-email-change", Map.of("newEmail", "new@example.com"));
            ada.postJson("/email-otp/send-verification-otp", Map.of("email", "ada@example.com", "type", "email-verification"))
                    .assertStatus(200);
            String current = code(mailbox, "ada@example.com");
            TestResponse withCode = ada.postJson("/email-otp/request-email-change",
                    Map.of("newEmail", "new@example.com", "otp", current));
            TestResponse changed = ada.postJson("/email-otp/change-email",
                    Map.of("newEmail", "new@example.com", "otp", code(mailbox, "new@example.com")));

            withoutCode.assertStatus(400);
            assertThat(withoutCode.json().get("message").asString()).isEqualTo("OTP is required to verify current email");
            withCode.assertStatus(200);
            changed.assertStatus(200);
            assertThat(ada.get("/get-session").json().get("user").get("email").asString()).isEqualTo("new@example.com");
        }
    }

    @SqliteAndPostgres
    void withTheOverrideSendVerificationEmailMailsACodeAndAutoSignInStartsASession(TestDatabase database) {
        EmailOtpOptions options = EmailOtpOptions.builder().overrideDefaultEmailVerification(true).build();
        EmailPasswordOptions passwords = EmailPasswordOptions.builder()
                .emailVerification(EmailVerificationOptions.defaults().withAutoSignInAfterVerification(true)).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, passwords)) {
            Users.signUp(auth.client(), "ada@example.com");
            assertThat(mailbox.count()).isZero();
            auth.client().postJson("/send-verification-email", Map.of("email", "ada@example.com")).assertStatus(200);
            String otp = code(mailbox, "ada@example.com");
            TestClient phone = auth.client();

            TestResponse verified = phone.postJson("/email-otp/verify-email", Map.of("email", "ada@example.com", "otp", otp));

            assertThat(mailbox.lastTo("ada@example.com").text()).doesNotContain("/verify-email");
            verified.assertStatus(200);
            assertThat(verified.json().get("token").asString()).isNotEmpty();
            assertThat(phone.get("/get-session").json().get("session").get("token").asString())
                    .isEqualTo(verified.json().get("token").asString());
        }
    }

    private static TestResponse signIn(TestPostern auth, String otp) {
        return auth.client().postJson("/sign-in/email-otp", Map.of("email", "ada@example.com", "otp", otp));
    }

    private static String code(Mailbox mailbox, String to) {
        return mailbox.lastTo(to).code();
    }

    private static TestPostern start(TestDatabase database, Mailbox mailbox, EmailOtpOptions options,
                                     EmailPasswordOptions passwords) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(passwords), new SessionPlugin(), new EmailOtpPlugin(options))
                .configure(b -> b.mailer(mailbox.mailer()))
                .start();
    }
}
