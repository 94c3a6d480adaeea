package dev.postern.plugin.twofactor;

import static dev.postern.plugin.twofactor.TwoFactorFixture.SESSION_COOKIE;
import static dev.postern.plugin.twofactor.TwoFactorFixture.TWO_FACTOR_COOKIE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.PosternApi.ApiCall;
import dev.postern.plugin.support.Users;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;

/** TOTP enrolment, the sign-in challenge and the TOTP endpoints (wire reference §12 "two-factor", §13). */
class TwoFactorTotpTest {

    @SqliteAndPostgres
    void enablingWritesAnUnverifiedEncryptedSecretAndTheFirstGoodCodeTurnsTwoFactorOn(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults(), clock, null)) {
            TestClient client = auth.client();
            String userId = Users.signUp(client, "ada@example.com").json().get("user").get("id").asString();
            String firstToken = client.cookie(SESSION_COOKIE);

            client.postJson("/two-factor/enable", Map.of("password", "wrong password")).assertError(400, "INVALID_PASSWORD");
            client.postJson("/two-factor/enable", Map.of()).assertError(400, "VALIDATION_ERROR");
            TestResponse enabled = client.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD)).assertStatus(200);

            assertThat(enabled.json().get("method").asString()).isEqualTo("totp");
            String uri = enabled.json().get("totpURI").asString();
            assertThat(uri).matches("otpauth://totp/Postern:ada%40example\\.com\\?secret=[A-Z2-7]{52}&issuer=Postern&digits=6&period=30");
            assertThat(enabled.json().get("backupCodes")).hasSize(10);
            enabled.json().get("backupCodes").forEach(c -> assertThat(c.asString()).matches("[a-zA-Z0-9]{5}-[a-zA-Z0-9]{5}"));
            Row record = auth.postern().store().findOne("twoFactor", Where.eq("userId", userId)).orElseThrow();
            assertThat(record.bool("verified")).isFalse();
            String secret = TwoFactorPlugin.encryption(auth.postern()).decrypt(record.string("secret")).orElseThrow();
            assertThat(secret).hasSize(32).matches("[a-zA-Z0-9_-]{32}");
            assertThat(record.string("backupCodes")).doesNotContain(enabled.json().get("backupCodes").get(0).asString());
            assertThat(auth.postern().users().findById(userId).orElseThrow().bool("twoFactorEnabled")).isFalse();

            Totp authenticator = TwoFactorFixture.authenticatorFor(uri);
            String wrong = authenticator.at(clock.instant().plusSeconds(300));
            client.postJson("/two-factor/verify-totp", Map.of("code", wrong)).assertError(401, "INVALID_CODE");
            TestResponse verified = client.postJson("/two-factor/verify-totp", Map.of("code", authenticator.at(clock.instant())))
                    .assertStatus(200);

            assertThat(verified.json().get("user").get("twoFactorEnabled").asBoolean()).isTrue();
            assertThat(client.cookie(SESSION_COOKIE)).isNotEqualTo(firstToken)
                    .startsWith(verified.json().get("token").asString() + ".");
            assertThat(auth.postern().sessions().findByToken(firstToken.substring(0, firstToken.indexOf('.')))).isEmpty();
            assertThat(auth.postern().store().findOne("twoFactor", Where.eq("userId", userId)).orElseThrow().bool("verified"))
                    .isTrue();
            client.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD)).assertError(400, "TOTP_ALREADY_ENABLED");
            auth.client().postJson("/two-factor/enable", Map.of("password", Users.PASSWORD)).assertError(401, "UNAUTHORIZED");
        }
    }

    @SqliteAndPostgres
    void signInOfATwoFactorUserIsAChallengeThatTheCodeCompletes(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults(), clock, null)) {
            TwoFactorFixture.Enrolment enrolment = TwoFactorFixture.enrolTotp(auth, clock, "ada@example.com");
            TestClient browser = auth.client();

            TestResponse challenge = TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");

            assertThat(challenge.body()).isEqualTo("{\"twoFactorRedirect\":true,\"twoFactorMethods\":[\"totp\"]}");
            assertThat(challenge.setCookies()).anySatisfy(c -> assertThat(c).startsWith(SESSION_COOKIE + "=;").contains("Max-Age=0"));
            assertThat(challenge.setCookies()).anySatisfy(c -> assertThat(c).startsWith(TWO_FACTOR_COOKIE + "=2fa-")
                    .contains("Max-Age=600").contains("HttpOnly"));
            assertThat(browser.get("/get-session").body()).isEqualTo("null");
            // Only the enrolling client's session: the one the password sign-in created was withdrawn.
            assertThat(auth.postern().sessions().listActive(userId(auth, "ada@example.com"))).hasSize(1);

            browser.postJson("/two-factor/verify-totp", Map.of("code", "000000x")).assertError(401, "INVALID_CODE");
            TestResponse done = browser.postJson("/two-factor/verify-totp",
                    Map.of("code", enrolment.totp().at(clock.instant()))).assertStatus(200);

            assertThat(done.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(browser.cookie(SESSION_COOKIE)).startsWith(done.json().get("token").asString() + ".");
            assertThat(browser.cookie(TWO_FACTOR_COOKIE)).isNull();
            assertThat(browser.get("/get-session").json().get("user").get("twoFactorEnabled").asBoolean()).isTrue();
            // The challenge was consumed: the same cookie cannot sign in twice.
            TestClient replay = auth.client().cookie(TWO_FACTOR_COOKIE, challenge.setCookies().stream()
                    .filter(c -> c.startsWith(TWO_FACTOR_COOKIE)).findFirst().orElseThrow()
                    .split(";")[0].substring(TWO_FACTOR_COOKIE.length() + 1));
            replay.postJson("/two-factor/verify-totp", Map.of("code", enrolment.totp().at(clock.instant())))
                    .assertError(401, "INVALID_TWO_FACTOR_COOKIE");
            auth.client().postJson("/two-factor/verify-totp", Map.of("code", "123456")).assertError(401, "INVALID_TWO_FACTOR_COOKIE");
        }
    }

    @SqliteAndPostgres
    void aChallengeAllowsFiveGuessesThenMustBeStartedAgain(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults(), clock, null)) {
            TwoFactorFixture.Enrolment enrolment = TwoFactorFixture.enrolTotp(auth, clock, "ada@example.com");
            TestClient browser = auth.client();
            TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");

            for (int i = 0; i < 5; i++) {
                browser.postJson("/two-factor/verify-totp", Map.of("code", "000000")).assertError(401, "INVALID_CODE");
            }
            browser.postJson("/two-factor/verify-totp", Map.of("code", enrolment.totp().at(clock.instant())))
                    .assertError(400, "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE");

            assertThat(browser.cookie(TWO_FACTOR_COOKIE)).isNull();
        }
    }

    @SqliteAndPostgres
    void getTotpUriNeedsThePasswordAndCanDrawTheQrCode(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults().withIssuer("Postern Test"), clock, null)) {
            TestClient client = auth.client();
            Users.signUp(client, "ada@example.com");
            client.postJson("/two-factor/get-totp-uri", Map.of("password", Users.PASSWORD)).assertError(400, "TOTP_NOT_ENABLED");
            String enrolled = client.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD, "issuer", "Custom"))
                    .assertStatus(200).json().get("totpURI").asString();
            assertThat(enrolled).startsWith("otpauth://totp/Custom:ada%40example.com?").contains("&issuer=Custom&");

            client.postJson("/two-factor/get-totp-uri", Map.of("password", "nope")).assertError(400, "INVALID_PASSWORD");
            TestResponse svg = client.postJson("/two-factor/get-totp-uri", Map.of("password", Users.PASSWORD, "qrCode", "svg"))
                    .assertStatus(200);
            TestResponse png = client.postJson("/two-factor/get-totp-uri", Map.of("password", Users.PASSWORD, "qrCode", "png"))
                    .assertStatus(200);

            String uri = svg.json().get("totpURI").asString();
            assertThat(uri).startsWith("otpauth://totp/Postern%20Test:ada%40example.com?").contains("&issuer=Postern+Test&");
            assertThat(TwoFactorFixture.authenticatorFor(uri).at(clock.instant()))
                    .isEqualTo(TwoFactorFixture.authenticatorFor(enrolled).at(clock.instant()));
            assertThat(svg.json().get("totpQRCode").asString()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("<path");
            assertThat(png.json().get("totpQRCode").asString()).startsWith("data:image/png;base64,iVBORw0KGgo");
            assertThat(client.postJson("/two-factor/get-totp-uri", Map.of("password", Users.PASSWORD)).json().has("totpQRCode"))
                    .isFalse();
        }
    }

    @SqliteAndPostgres
    void generateTotpIsServerOnlyAndAnswersTheCurrentCode(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults(), clock, null)) {
            String secret = "abcdefghijklmnopqrstuvwxyz012345";

            String code = auth.postern().api().call("generateTOTP", ApiCall.body(Map.of("secret", secret))).json()
                    .get("code").asString();

            assertThat(code).isEqualTo(new Totp(Totp.keyOf(secret), 6, 30).at(clock.instant()));
            auth.client().postJson("/totp/generate", Map.of("secret", secret)).assertStatus(404);
        }
    }

    @SqliteAndPostgres
    void skipVerificationOnEnableTurnsTwoFactorOnAtOnce(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults().withSkipVerificationOnEnable(true),
                clock, null)) {
            TestClient client = auth.client();
            Users.signUp(client, "ada@example.com");
            String before = client.cookie(SESSION_COOKIE);

            TestResponse enabled = client.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD)).assertStatus(200);

            assertThat(client.cookie(SESSION_COOKIE)).isNotEqualTo(before);
            assertThat(client.get("/get-session").json().get("user").get("twoFactorEnabled").asBoolean()).isTrue();
            TestClient browser = auth.client();
            TestResponse challenge = TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");
            assertThat(challenge.json().get("twoFactorMethods").get(0).asString()).isEqualTo("totp");
            Totp authenticator = TwoFactorFixture.authenticatorFor(enabled.json().get("totpURI").asString());
            browser.postJson("/two-factor/verify-totp", Map.of("code", authenticator.at(clock.instant()))).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void allowPasswordlessLetsAUserWithoutAPasswordEnrolWithoutOne(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults().withAllowPasswordless(true), clock, null);
             TestPostern strict = TwoFactorFixture.start(database, TwoFactorOptions.defaults(), clock, null)) {
            TestClient social = signedInWithoutPassword(auth, "social@example.com");
            TestClient withPassword = auth.client();
            Users.signUp(withPassword, "ada@example.com");

            TestResponse enabled = social.postJson("/two-factor/enable", Map.of()).assertStatus(200);
            assertThat(enabled.json().get("totpURI").asString()).startsWith("otpauth://totp/Postern:social%40example.com?");
            withPassword.postJson("/two-factor/enable", Map.of()).assertError(400, "INVALID_PASSWORD");

            TestClient strictSocial = signedInWithoutPassword(strict, "social@example.com");
            strictSocial.postJson("/two-factor/enable", Map.of()).assertError(400, "VALIDATION_ERROR");
            strictSocial.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD)).assertError(400, "INVALID_PASSWORD");
        }
    }

    /** A user who signed up with a provider (no credential account), signed in by a session made on the server. */
    private static TestClient signedInWithoutPassword(TestPostern auth, String email) {
        Row user = auth.postern().users().create(Map.of("email", email, "name", "Social", "emailVerified", true));
        dev.postern.session.Session session = auth.postern().sessions().createWithoutCookies(user, "127.0.0.1", "test", true);
        String cookie = new dev.postern.crypto.CookieSigner(auth.postern().config().secrets()).sign(session.token());
        return auth.client().cookie(SESSION_COOKIE, cookie);
    }

    private static String userId(TestPostern auth, String email) {
        return auth.postern().users().findByEmail(email).orElseThrow().id();
    }
}
