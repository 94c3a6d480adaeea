package dev.postern.plugin.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.crypto.Hs256Jwt;
import dev.postern.crypto.Secret;
import dev.postern.json.Json;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code /send-verification-email} and {@code /verify-email} (wire reference §4.1 "Email verification token"). */
class EmailVerificationTest {
    private static final EmailPasswordOptions REQUIRED = EmailPasswordOptions.builder().requireEmailVerification(true).build();

    @SqliteAndPostgres
    void theSignUpLinkVerifiesTheAddressAndThenSignInWorks(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, REQUIRED, new MutableClock())) {
            String userId = auth.client().postJson("/sign-up/email", Map.of("email", "ada@example.com",
                    "password", Users.PASSWORD, "name", "Ada", "callbackURL", "/done")).json().get("user").get("id").asString();
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertError(403, "EMAIL_NOT_VERIFIED");
            Mailbox.Mail mail = mailbox.lastTo("ada@example.com");

            TestResponse opened = auth.client().get(mail.link());

            assertThat(mail.subject()).isEqualTo("Postern: Verify your email address");
            assertThat(mail.link()).startsWith(auth.authUrl() + "/verify-email?token=").endsWith("&callbackURL=%2Fdone");
            opened.assertStatus(302);
            assertThat(opened.header("Location")).hasValue("/done");
            assertThat(opened.setCookies()).isEmpty();
            assertThat(auth.postern().users().findById(userId).orElseThrow().bool("emailVerified")).isTrue();
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
            JsonNode claims = claimsOf(mail);
            assertThat(claims.propertyNames()).containsExactly("email", "userId", "iat", "exp");
            assertThat(claims.get("email").asString()).isEqualTo("ada@example.com");
            assertThat(claims.get("userId").asString()).isEqualTo(userId);
            assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
        }
    }

    @SqliteAndPostgres
    void withoutCallbackTheLinkAnswersJsonAndAutoSignInStartsASession(TestDatabase database) {
        EmailPasswordOptions options = EmailPasswordOptions.builder().requireEmailVerification(true)
                .emailVerification(EmailVerificationOptions.defaults().withAutoSignInAfterVerification(true)).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options, new MutableClock())) {
            Users.signUp(auth.client(), "ada@example.com");
            String token = mailbox.lastTo("ada@example.com").tokenParameter();
            TestClient browser = auth.client();

            TestResponse verified = browser.get("/verify-email?token=" + token);
            TestResponse again = auth.client().get("/verify-email?token=" + token);

            verified.assertStatus(200);
            assertThat(verified.body()).isEqualTo("{\"status\":true,\"user\":null}");
            assertThat(browser.get("/get-session").json().get("user").get("emailVerified").asBoolean()).isTrue();
            again.assertStatus(200);
            assertThat(again.body()).isEqualTo("{\"status\":true,\"user\":null}");
            assertThat(again.setCookies()).isEmpty();
        }
    }

    @SqliteAndPostgres
    void badTokensAnswer401OrRedirectWithTheErrorCode(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, REQUIRED, clock)) {
            Users.signUp(auth.client(), "ada@example.com");
            String token = mailbox.lastTo("ada@example.com").tokenParameter();
            String forged = new Hs256Jwt(Secret.of("another-secret-that-is-long-enough-0123456789"), clock)
                    .sign(Json.object().put("email", "ada@example.com"), Duration.ofHours(1));
            TestClient client = auth.client();

            client.get("/verify-email?token=garbage").assertError(401, "INVALID_TOKEN");
            client.get("/verify-email?token=" + forged).assertError(401, "INVALID_TOKEN");
            TestResponse redirected = client.get("/verify-email?token=garbage&callbackURL=%2Fdone%3Fstep%3D2");
            client.get("/verify-email?token=" + token + "&callbackURL=https%3A%2F%2Fevil.example%2F")
                    .assertError(403, "INVALID_CALLBACK_URL");
            clock.advance(Duration.ofMinutes(61));
            client.get("/verify-email?token=" + token).assertError(401, "TOKEN_EXPIRED");

            redirected.assertStatus(302);
            assertThat(redirected.header("Location")).hasValue("/done?step=2&error=INVALID_TOKEN");
            assertThat(auth.postern().users().findByEmail("ada@example.com").orElseThrow().bool("emailVerified")).isFalse();
        }
    }

    @SqliteAndPostgres
    void sendingWithoutASessionAlwaysAnswersTheSameAfterHalfASecond(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, REQUIRED, new MutableClock())) {
            Users.signUp(auth.client(), "ada@example.com");
            int before = mailbox.count();

            long start = System.nanoTime();
            TestResponse unknown = auth.client().postJson("/send-verification-email", Map.of("email", "nobody@example.com"));
            long unknownMillis = (System.nanoTime() - start) / 1_000_000;
            TestResponse known = auth.client().postJson("/send-verification-email",
                    Map.of("email", "ada@example.com", "callbackURL", "/again"));

            unknown.assertStatus(200);
            known.assertStatus(200);
            assertThat(unknown.body()).isEqualTo("{\"status\":true}").isEqualTo(known.body());
            assertThat(unknownMillis).isGreaterThanOrEqualTo(500);
            assertThat(mailbox.count()).isEqualTo(before + 1);
            assertThat(mailbox.lastTo("ada@example.com").link()).endsWith("&callbackURL=%2Fagain");
        }
    }

    @SqliteAndPostgres
    void aSignedInUserCanOnlyAskForTheirOwnUnverifiedAddress(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, EmailPasswordOptions.defaults(), new MutableClock())) {
            TestClient signedIn = auth.client();
            Users.signUp(signedIn, "ada@example.com");

            signedIn.postJson("/send-verification-email", Map.of("email", "eve@example.com"))
                    .assertError(400, "EMAIL_MISMATCH");
            signedIn.postJson("/send-verification-email", Map.of("email", "ADA@example.com")).assertStatus(200);
            signedIn.get(mailbox.lastTo("ada@example.com").link()).assertStatus(302);
            signedIn.postJson("/send-verification-email", Map.of("email", "ada@example.com"))
                    .assertError(400, "EMAIL_ALREADY_VERIFIED");
        }
    }

    private static JsonNode claimsOf(Mailbox.Mail mail) {
        String token = mail.tokenParameter();
        String payload = token.split("\\.")[1];
        return Json.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static TestPostern start(TestDatabase database, Mailbox mailbox, EmailPasswordOptions options, MutableClock clock) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(options), new SessionPlugin())
                .configure(b -> b.mailer(mailbox.mailer()).clock(clock))
                .start();
    }
}
