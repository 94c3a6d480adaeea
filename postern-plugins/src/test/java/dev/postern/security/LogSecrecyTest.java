package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordOptions;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestPostern;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing secret is ever written to the log (security issue, part 8): a whole scripted session, errors
 * included, is run with the log captured, and neither the secret, nor a password, nor a session, reset or
 * verification token appears in it. Mail goes to a real SMTP server (GreenMail): the development
 * {@code LoggingMailer} logs e-mails, links and all, by design.
 */
class LogSecrecyTest {
    private static final String FIRST = "first-Password-4711";
    private static final String WRONG = "wrong-Password-0815";
    private static final String SECOND = "second-Password-2342";
    private static final String THIRD = "third-Password-1337";

    @Test
    void noSecretPasswordOrTokenReachesTheLogDuringAWholeSession() {
        List<String> secrets = new ArrayList<>(List.of(TestPostern.SECRET, FIRST, WRONG, SECOND, THIRD));
        String log;
        try (CapturedLog captured = CapturedLog.start();
             Mailbox mailbox = Mailbox.start();
             TestPostern auth = TestPostern.builder()
                     .plugins(new SessionPlugin(), new EmailPasswordPlugin(EmailPasswordOptions.builder()
                             .requireEmailVerification(true).build()), new UserPlugin())
                     .configure(b -> b.mailer(mailbox.mailer())).start()) {
            TestClient browser = auth.client();
            browser.postJson("/sign-up/email", Map.of("email", "ada@example.com", "password", FIRST, "name", "Ada"))
                    .assertStatus(200);
            browser.postJson("/sign-in/email", Map.of("email", "ada@example.com", "password", FIRST)).assertStatus(403);
            String verifyToken = mailbox.lastTo("ada@example.com").tokenParameter();
            secrets.add(verifyToken);
            browser.get("/verify-email?token=" + verifyToken).assertStatus(200);
            browser.get("/verify-email?token=" + verifyToken + "x").assertStatus(401);

            browser.postJson("/sign-in/email", Map.of("email", "ada@example.com", "password", WRONG)).assertStatus(401);
            browser.postJson("/sign-in/email", Map.of("email", "ada@example.com", "password", FIRST)).assertStatus(200);
            secrets.addAll(sessionTokens(browser));
            browser.postJson("/change-password", Map.of("currentPassword", WRONG, "newPassword", SECOND)).assertStatus(400);
            browser.postJson("/change-password", Map.of("currentPassword", FIRST, "newPassword", SECOND,
                    "revokeOtherSessions", true)).assertStatus(200);
            secrets.addAll(sessionTokens(browser));

            browser.postJson("/request-password-reset", Map.of("email", "ada@example.com")).assertStatus(200);
            String resetToken = mailbox.lastTo("ada@example.com").lastPathSegment();
            secrets.add(resetToken);
            browser.postJson("/reset-password", Map.of("newPassword", THIRD, "token", resetToken + "x")).assertStatus(400);
            browser.postJson("/reset-password", Map.of("newPassword", THIRD, "token", resetToken)).assertStatus(200);
            browser.post("/sign-in/email", "application/json", "{\"email\":\"ada@example.com\",\"password\":\"" + THIRD)
                    .assertStatus(400);
            // Verification is required, so a taken address gets the made-up answer, hashing the password all the same.
            browser.postJson("/sign-up/email", Map.of("email", "ada@example.com", "password", THIRD, "name", "Eve"))
                    .assertStatus(200);
            browser.postJson("/sign-in/email", Map.of("email", "ada@example.com", "password", THIRD)).assertStatus(200);
            secrets.addAll(sessionTokens(browser));
            browser.postJson("/sign-out", Map.of()).assertStatus(200);
            log = captured.text();
        }

        assertThat(secrets).hasSizeGreaterThan(8).allSatisfy(secret -> assertThat(secret).hasSizeGreaterThan(8));
        assertThat(log).as("the captured log").isNotEmpty();
        for (String secret : secrets) {
            assertThat(log).as("the log must not contain a secret").doesNotContain(secret);
        }
    }

    /** The signed cookie value and the bare token inside it ({@code <token>.<signature>}). */
    private static List<String> sessionTokens(TestClient client) {
        String cookie = URLDecoder.decode(client.cookie("better-auth.session_token"), StandardCharsets.UTF_8);
        return List.of(cookie, cookie.substring(0, cookie.indexOf('.')));
    }
}
