package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordOptions;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CR and LF in any request value that could reach a response header ({@code Location} from a callbackURL,
 * {@code Set-Cookie}) or an e-mail (recipient, subject) are refused or neutralised: no header is ever split.
 */
class HeaderInjectionTest {
    private static final String[] SPLITTERS = {"/ok\r\nSet-Cookie: stolen=1", "/ok\nLocation: https://evil.com",
            "/ok%0d%0aSet-Cookie:%20stolen=1", "/ok\rX: y"};

    private static TestPostern start(SecuritySettings security) {
        return TestPostern.builder().plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin())
                .configure(b -> b.security(security)).start();
    }

    private static void assertNoSplitHeader(TestResponse response) {
        response.headers().forEach((name, values) -> values.forEach(value -> assertThat(value).doesNotContain("\r", "\n")));
        assertThat(response.headers()).doesNotContainKey("X");
        assertThat(response.setCookies()).noneMatch(c -> c.startsWith("stolen"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ok\r\nSet-Cookie: stolen=1", "/ok\nLocation: https://evil.com", "/ok\rX: y"})
    void aLineBreakInASignInCallbackUrlIsRefused(String callbackUrl) {
        try (TestPostern auth = start(SecuritySettings.defaults())) {
            Users.signUp(auth.client(), "ada@example.com");

            TestResponse response = auth.client().postJson("/sign-in/email",
                    Map.of("email", "ada@example.com", "password", Users.PASSWORD, "callbackURL", callbackUrl));

            response.assertError(403, "INVALID_CALLBACK_URL");
            assertNoSplitHeader(response);
        }
    }

    @Test
    void aLineBreakInAMailedLinksCallbackUrlIsRefused() {
        try (TestPostern auth = start(SecuritySettings.defaults())) {
            for (String splitter : SPLITTERS) {
                String encoded = java.net.URLEncoder.encode(splitter, java.nio.charset.StandardCharsets.UTF_8);
                TestResponse reset = auth.client().get("/reset-password/abc?callbackURL=" + encoded);
                TestResponse verify = auth.client().get("/verify-email?token=abc&callbackURL=" + encoded);

                // An already-encoded %0d%0a stays encoded in the Location header: a valid redirect, no split.
                int lowest = splitter.contains("%0d") ? 300 : 400;
                assertThat(reset.status()).as(splitter).isBetween(lowest, 499);
                assertThat(verify.status()).as(splitter).isBetween(lowest, 499);
                assertNoSplitHeader(reset);
                assertNoSplitHeader(verify);
            }
        }
    }

    /** With the redirect checks switched off, the response itself still refuses to carry a line break. */
    @Test
    void withOriginChecksOffALineBreakStillNeverReachesAHeader() {
        try (TestPostern auth = start(SecuritySettings.defaults().withOriginCheckDisabled())) {
            Users.signUp(auth.client(), "ada@example.com");
            String encoded = java.net.URLEncoder.encode("/ok\r\nSet-Cookie: stolen=1", java.nio.charset.StandardCharsets.UTF_8);

            TestResponse reset = auth.client().get("/reset-password/abc?callbackURL=" + encoded);
            TestResponse signIn = auth.client().postJson("/sign-in/email", Map.of("email", "ada@example.com",
                    "password", Users.PASSWORD, "callbackURL", "/ok\r\nSet-Cookie: stolen=1"));

            // Refused by the response check (400) or still by the redirect rules (403): never sent.
            assertThat(reset.status()).isIn(400, 403);
            assertThat(signIn.status()).isIn(400, 403);
            assertNoSplitHeader(reset);
            assertNoSplitHeader(signIn);
        }
    }

    @Test
    void aLineBreakInANameStaysInTheMailBodyAndAddsNoRecipient() {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = TestPostern.builder()
                     .plugins(new SessionPlugin(), new EmailPasswordPlugin(EmailPasswordOptions.builder()
                             .requireEmailVerification(true).build()))
                     .configure(b -> b.mailer(mailbox.mailer())).start()) {
            auth.client().postJson("/sign-up/email", Map.of("email", "ada@example.com", "password", Users.PASSWORD,
                    "name", "Ada\r\nBcc: eve@example.com\r\nSubject: pwned")).assertStatus(200);

            assertThat(mailbox.count()).isEqualTo(1);
            Mailbox.Mail mail = mailbox.lastTo("ada@example.com");
            assertThat(mail.subject()).doesNotContain("pwned");
            assertThat(mailbox.all()).allSatisfy(m -> assertThat(m.to()).isEqualTo("ada@example.com"));
        }
    }
}
