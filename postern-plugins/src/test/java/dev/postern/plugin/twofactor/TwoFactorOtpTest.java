package dev.postern.plugin.twofactor;

import static dev.postern.plugin.twofactor.TwoFactorFixture.SESSION_COOKIE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.twofactor.TwoFactorOptions.OtpStorage;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Operator;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One-time codes by e-mail as the second factor, delivered over real SMTP (wire reference §13 "OTP"). */
class TwoFactorOtpTest {
    private static final Pattern CODE = Pattern.compile("Code: (\\d{6})");

    @SqliteAndPostgres
    void aCodeMailedAtSignInCompletesIt(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = TwoFactorFixture.start(database, withMail(OtpStorage.PLAIN), clock, mailbox.mailer())) {
            TestClient owner = auth.client();
            Users.signUp(owner, "ada@example.com");
            TestResponse enabled = owner.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD, "method", "otp"))
                    .assertStatus(200);
            assertThat(enabled.body()).isEqualTo("{\"method\":\"otp\"}");
            assertThat(owner.get("/get-session").json().get("user").get("twoFactorEnabled").asBoolean()).isTrue();

            TestClient browser = auth.client();
            TestResponse challenge = TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");
            assertThat(challenge.body()).isEqualTo("{\"twoFactorRedirect\":true,\"twoFactorMethods\":[\"otp\"]}");
            browser.postJson("/two-factor/verify-otp", Map.of("code", "123456")).assertError(400, "OTP_HAS_EXPIRED");
            browser.postJson("/two-factor/send-otp", Map.of()).assertStatus(200);

            String code = codeIn(mailbox.lastTo("ada@example.com"));
            assertThat(mailbox.lastTo("ada@example.com").subject()).isEqualTo("Postern: Your verification code");
            Row stored = otpRow(auth);
            assertThat(stored.string("value")).isEqualTo(code + ":0");
            browser.postJson("/two-factor/verify-otp", Map.of("code", wrong(code))).assertError(401, "INVALID_CODE");
            assertThat(otpRow(auth).string("value")).isEqualTo(code + ":1");
            TestResponse done = browser.postJson("/two-factor/verify-otp", Map.of("code", code)).assertStatus(200);

            assertThat(browser.cookie(SESSION_COOKIE)).startsWith(done.json().get("token").asString() + ".");
            // Single use: the code was consumed with the challenge.
            browser.postJson("/two-factor/verify-otp", Map.of("code", code)).assertError(400, "OTP_HAS_EXPIRED");
        }
    }

    @SqliteAndPostgres
    void hashedCodesAllowFiveGuessesAndExpireAfterThreeMinutes(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = TwoFactorFixture.start(database, withMail(OtpStorage.HASHED), clock, mailbox.mailer())) {
            TestClient owner = auth.client();
            Users.signUp(owner, "ada@example.com");
            owner.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD, "method", "otp")).assertStatus(200);
            TestClient browser = auth.client();
            TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");

            browser.postJson("/two-factor/send-otp", Map.of()).assertStatus(200);
            String code = codeIn(mailbox.lastTo("ada@example.com"));
            assertThat(otpRow(auth).string("value")).isEqualTo(OtpCodes.hash(code) + ":0").doesNotContain(code + ":");
            for (int i = 0; i < 5; i++) {
                browser.postJson("/two-factor/verify-otp", Map.of("code", wrong(code))).assertError(401, "INVALID_CODE");
            }
            browser.postJson("/two-factor/verify-otp", Map.of("code", code)).assertError(400, "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE");

            browser.postJson("/two-factor/send-otp", Map.of()).assertStatus(200);
            String second = codeIn(mailbox.lastTo("ada@example.com"));
            clock.advance(Duration.ofMinutes(3).plusSeconds(1));
            browser.postJson("/two-factor/verify-otp", Map.of("code", second)).assertError(400, "OTP_HAS_EXPIRED");
        }
    }

    @SqliteAndPostgres
    void encryptedCodesAreStoredInBetterAuthsEnvelopeAndOtpNeedsASender(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = TwoFactorFixture.start(database, withMail(OtpStorage.ENCRYPTED), clock, mailbox.mailer());
             TestPostern noSender = TwoFactorFixture.start(database, TwoFactorOptions.defaults(), clock, null)) {
            TestClient owner = auth.client();
            Users.signUp(owner, "ada@example.com");
            owner.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD, "method", "otp")).assertStatus(200);
            owner.postJson("/two-factor/send-otp", Map.of()).assertStatus(200);
            String code = codeIn(mailbox.lastTo("ada@example.com"));
            String stored = otpRow(auth).string("value");
            assertThat(TwoFactorPlugin.encryption(auth.postern()).decrypt(stored.substring(0, stored.lastIndexOf(':'))))
                    .hasValue(code);
            assertThat(owner.postJson("/two-factor/verify-otp", Map.of("code", code)).assertStatus(200).json()
                    .get("user").get("twoFactorEnabled").asBoolean()).isTrue();

            TestClient other = noSender.client();
            Users.signUp(other, "bob@example.com");
            other.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD, "method", "otp"))
                    .assertError(400, "OTP_NOT_CONFIGURED");
            TestResponse send = other.postJson("/two-factor/send-otp", Map.of());
            send.assertError(400, "OTP_NOT_CONFIGURED");
            assertThat(send.json().get("message").asString()).isEqualTo("otp isn't configured");
        }
    }

    @SqliteAndPostgres
    void twoFactorPathsAreLimitedToThreeRequestsInTenSeconds(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TestPostern.builder()
                .database(database)
                .plugins(new dev.postern.plugin.emailpassword.EmailPasswordPlugin(), new TwoFactorPlugin())
                .configure(config -> config.clock(clock).rateLimit(dev.postern.ratelimit.RateLimitSettings.defaults()))
                .start()) {
            TestClient client = auth.client();
            for (int i = 0; i < 3; i++) {
                client.postJson("/two-factor/verify-totp", Map.of("code", "000000")).assertError(401, "INVALID_TWO_FACTOR_COOKIE");
            }
            TestResponse limited = client.postJson("/two-factor/verify-totp", Map.of("code", "000000"));
            limited.assertStatus(429);
            assertThat(limited.header("X-Retry-After")).isPresent();
        }
    }

    private static TwoFactorOptions withMail(OtpStorage storage) {
        return TwoFactorOptions.defaults()
                .withOtp(TwoFactorOptions.OtpOptions.defaults().withSender(OtpSender.email()).withStorage(storage));
    }

    private static Row otpRow(TestPostern auth) {
        return auth.postern().store().findOne(CoreSchema.VERIFICATION,
                Where.of("identifier", Operator.STARTS_WITH, OtpCodes.PREFIX)).orElseThrow();
    }

    private static String codeIn(Mailbox.Mail mail) {
        Matcher m = CODE.matcher(mail.text());
        assertThat(m.find()).as("a code in %s", mail.text()).isTrue();
        return m.group(1);
    }

    private static String wrong(String code) {
        return code.charAt(0) == '9' ? "0" + code.substring(1) : (char) (code.charAt(0) + 1) + code.substring(1);
    }
}
