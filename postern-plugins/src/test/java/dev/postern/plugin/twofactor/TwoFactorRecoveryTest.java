package dev.postern.plugin.twofactor;

import static dev.postern.plugin.twofactor.TwoFactorFixture.SESSION_COOKIE;
import static dev.postern.plugin.twofactor.TwoFactorFixture.TRUST_DEVICE_COOKIE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.PosternApi.ApiCall;
import dev.postern.error.ApiException;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Operator;
import dev.postern.store.Where;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import tools.jackson.databind.JsonNode;

/** Backup codes, trusted devices, account lockout and disabling (wire reference §13). */
class TwoFactorRecoveryTest {

    @SqliteAndPostgres
    void aBackupCodeSignsInOnceAndANewSetReplacesTheOld(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults(), clock, null)) {
            TwoFactorFixture.Enrolment enrolment = TwoFactorFixture.enrolTotp(auth, clock, "ada@example.com");
            String userId = auth.postern().users().findByEmail("ada@example.com").orElseThrow().id();
            String code = enrolment.backupCodes().get(3);
            TestClient browser = auth.client();

            TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");
            TestResponse first = browser.postJson("/two-factor/verify-backup-code", Map.of("code", code)).assertStatus(200);
            assertThat(browser.cookie(SESSION_COOKIE)).startsWith(first.json().get("token").asString() + ".");

            TestClient again = auth.client();
            TwoFactorFixture.signInExpectingChallenge(again, "ada@example.com");
            again.postJson("/two-factor/verify-backup-code", Map.of("code", code)).assertError(401, "INVALID_BACKUP_CODE");

            List<String> left = codes(auth.postern().api().call("viewBackupCodes", ApiCall.body(Map.of("userId", userId))).json());
            assertThat(left).hasSize(9).doesNotContain(code).containsAll(enrolment.backupCodes().subList(4, 10));

            enrolment.client().postJson("/two-factor/generate-backup-codes", Map.of("password", "nope"))
                    .assertError(400, "INVALID_PASSWORD");
            TestResponse fresh = enrolment.client().postJson("/two-factor/generate-backup-codes",
                    Map.of("password", Users.PASSWORD)).assertStatus(200);
            assertThat(fresh.json().get("status").asBoolean()).isTrue();
            List<String> newCodes = codes(fresh.json());
            assertThat(newCodes).hasSize(10).doesNotContainAnyElementsOf(enrolment.backupCodes());
            again.postJson("/two-factor/verify-backup-code", Map.of("code", enrolment.backupCodes().get(5)))
                    .assertError(401, "INVALID_BACKUP_CODE");
            again.postJson("/two-factor/verify-backup-code", Map.of("code", newCodes.get(0))).assertStatus(200);

            Assertions.assertThatThrownBy(() -> auth.postern().api().call("viewBackupCodes",
                            ApiCall.body(Map.of("userId", "nobody"))))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo("BACKUP_CODES_NOT_ENABLED"));
            auth.client().postJson("/view-backup-codes", Map.of("userId", userId)).assertStatus(404);
        }
    }

    @SqliteAndPostgres
    void aTrustedDeviceSkipsTheChallengeRotatesItsCookieAndExpires(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults(), clock, null)) {
            TwoFactorFixture.Enrolment enrolment = TwoFactorFixture.enrolTotp(auth, clock, "ada@example.com");
            TestClient browser = auth.client();
            TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");
            TestResponse verified = browser.postJson("/two-factor/verify-totp",
                    Map.of("code", enrolment.totp().at(clock.instant()), "trustDevice", true)).assertStatus(200);
            assertThat(verified.setCookies()).anySatisfy(c -> assertThat(c).startsWith(TRUST_DEVICE_COOKIE + "=")
                    .contains("!trust-device-").contains("Max-Age=2592000"));
            String firstTrust = browser.cookie(TRUST_DEVICE_COOKIE);

            browser.postJson("/sign-out", Map.of()).assertStatus(200);
            TestResponse trusted = Users.signIn(browser, "ada@example.com", Users.PASSWORD).assertStatus(200);

            assertThat(trusted.json().has("twoFactorRedirect")).isFalse();
            assertThat(trusted.json().get("token").asString()).hasSize(32);
            assertThat(browser.cookie(TRUST_DEVICE_COOKIE)).isNotNull().isNotEqualTo(firstTrust);
            // The rotated-away cookie is dead: another browser holding a copy of it is challenged.
            TestClient copy = auth.client().cookie(TRUST_DEVICE_COOKIE, firstTrust);
            TwoFactorFixture.signInExpectingChallenge(copy, "ada@example.com");
            assertThat(copy.cookie(TRUST_DEVICE_COOKIE)).isNull();

            clock.advance(Duration.ofDays(30).plusMinutes(1));
            TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");
        }
    }

    @SqliteAndPostgres
    void disablingTurnsTwoFactorOffAndRevokesTheTrustedDevice(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults(), clock, null)) {
            TwoFactorFixture.Enrolment enrolment = TwoFactorFixture.enrolTotp(auth, clock, "ada@example.com");
            String userId = auth.postern().users().findByEmail("ada@example.com").orElseThrow().id();
            TestClient browser = auth.client();
            TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");
            browser.postJson("/two-factor/verify-totp", Map.of("code", enrolment.totp().at(clock.instant()), "trustDevice", true))
                    .assertStatus(200);
            String trust = browser.cookie(TRUST_DEVICE_COOKIE);
            assertThat(trustRows(auth)).isEqualTo(1);

            browser.postJson("/two-factor/disable", Map.of("password", "nope")).assertError(400, "INVALID_PASSWORD");
            String before = browser.cookie(SESSION_COOKIE);
            TestResponse disabled = browser.postJson("/two-factor/disable", Map.of("password", Users.PASSWORD)).assertStatus(200);

            assertThat(disabled.body()).isEqualTo("{\"status\":true}");
            assertThat(browser.cookie(TRUST_DEVICE_COOKIE)).isNull();
            assertThat(browser.cookie(SESSION_COOKIE)).isNotNull().isNotEqualTo(before);
            assertThat(trustRows(auth)).isZero();
            assertThat(auth.postern().store().count("twoFactor", Where.eq("userId", userId))).isZero();
            assertThat(auth.postern().users().findById(userId).orElseThrow().bool("twoFactorEnabled")).isFalse();
            assertThat(Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200).json().has("token")).isTrue();

            // Enabled again, the old trust cookie does not skip the new challenge.
            TestClient owner = enrolment.client();
            owner.postJson("/sign-in/email", Map.of("email", "ada@example.com", "password", Users.PASSWORD)).assertStatus(200);
            TestResponse again = owner.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD)).assertStatus(200);
            owner.postJson("/two-factor/verify-totp", Map.of("code",
                    TwoFactorFixture.authenticatorFor(again.json().get("totpURI").asString()).at(clock.instant()))).assertStatus(200);
            TwoFactorFixture.signInExpectingChallenge(auth.client().cookie(TRUST_DEVICE_COOKIE, trust), "ada@example.com");
        }
    }

    @SqliteAndPostgres
    void tenFailuresAcrossChallengesLockTheAccountForFifteenMinutes(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = TwoFactorFixture.start(database, TwoFactorOptions.defaults(), clock, null)) {
            TwoFactorFixture.Enrolment enrolment = TwoFactorFixture.enrolTotp(auth, clock, "ada@example.com");
            TestClient browser = auth.client();
            for (int challenge = 0; challenge < 2; challenge++) {
                TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");
                for (int i = 0; i < 4; i++) {
                    browser.postJson("/two-factor/verify-totp", Map.of("code", "000000")).assertError(401, "INVALID_CODE");
                }
                browser.postJson("/two-factor/verify-backup-code", Map.of("code", "aaaaa-bbbbb"))
                        .assertError(401, "INVALID_BACKUP_CODE");
            }
            TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");

            TestResponse locked = browser.postJson("/two-factor/verify-totp", Map.of("code", enrolment.totp().at(clock.instant())));
            locked.assertError(429, "ACCOUNT_TEMPORARILY_LOCKED");
            assertThat(locked.json().get("message").asString()).isEqualTo(
                    "Too many failed verification attempts. Your account is temporarily locked. Please try again later.");
            browser.postJson("/two-factor/verify-backup-code", Map.of("code", enrolment.backupCodes().get(0)))
                    .assertError(429, "ACCOUNT_TEMPORARILY_LOCKED");

            clock.advance(Duration.ofMinutes(15).plusSeconds(1));
            TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");
            browser.postJson("/two-factor/verify-totp", Map.of("code", enrolment.totp().at(clock.instant()))).assertStatus(200);
            String userId = auth.postern().users().findByEmail("ada@example.com").orElseThrow().id();
            assertThat(auth.postern().store().findOne("twoFactor", Where.eq("userId", userId)).orElseThrow()
                    .number("failedVerificationCount")).isZero();
        }
    }

    @SqliteAndPostgres
    void lockoutCanBeSwitchedOff(TestDatabase database) {
        MutableClock clock = new MutableClock();
        TwoFactorOptions options = TwoFactorOptions.defaults()
                .withAccountLockout(new TwoFactorOptions.AccountLockoutOptions(false, 10, Duration.ofMinutes(15)));
        try (TestPostern auth = TwoFactorFixture.start(database, options, clock, null)) {
            TwoFactorFixture.Enrolment enrolment = TwoFactorFixture.enrolTotp(auth, clock, "ada@example.com");
            TestClient browser = auth.client();
            for (int challenge = 0; challenge < 3; challenge++) {
                TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");
                for (int i = 0; i < 5; i++) {
                    browser.postJson("/two-factor/verify-totp", Map.of("code", "000000")).assertError(401, "INVALID_CODE");
                }
            }
            TwoFactorFixture.signInExpectingChallenge(browser, "ada@example.com");
            browser.postJson("/two-factor/verify-totp", Map.of("code", enrolment.totp().at(clock.instant()))).assertStatus(200);
        }
    }

    private static long trustRows(TestPostern auth) {
        return auth.postern().store().count(CoreSchema.VERIFICATION, Where.of("identifier", Operator.STARTS_WITH, "trust-device-"));
    }

    private static List<String> codes(JsonNode body) {
        List<String> codes = new ArrayList<>();
        body.get("backupCodes").forEach(c -> codes.add(c.asString()));
        return codes;
    }
}
