package dev.postern.plugin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.mail.Mailer;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.support.UrlEncodedForm;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;

/** Starts instances with two-factor, and walks users through enrolment as an authenticator app would. */
final class TwoFactorFixture {
    static final String TWO_FACTOR_COOKIE = "better-auth.two_factor";
    static final String TRUST_DEVICE_COOKIE = "better-auth.trust_device";
    static final String SESSION_COOKIE = "better-auth.session_token";

    private TwoFactorFixture() {
    }

    static TestPostern start(TestDatabase database, TwoFactorOptions options, MutableClock clock, Mailer mailer) {
        return TestPostern.builder()
                .database(database)
                .plugins(new EmailPasswordPlugin(), new SessionPlugin(), new TwoFactorPlugin(options))
                .configure(config -> {
                    config.clock(clock);
                    if (mailer != null) {
                        config.mailer(mailer);
                    }
                })
                .start();
    }

    /** Signs up {@code email}, enables TOTP and verifies a first code; returns the authenticator's TOTP. */
    static Enrolment enrolTotp(TestPostern auth, MutableClock clock, String email) {
        TestClient client = auth.client();
        Users.signUp(client, email);
        TestResponse enabled = client.postJson("/two-factor/enable", Map.of("password", Users.PASSWORD)).assertStatus(200);
        Totp totp = authenticatorFor(enabled.json().get("totpURI").asString());
        client.postJson("/two-factor/verify-totp", Map.of("code", totp.at(clock.instant()))).assertStatus(200);
        java.util.List<String> codes = new java.util.ArrayList<>();
        enabled.json().get("backupCodes").forEach(c -> codes.add(c.asString()));
        return new Enrolment(client, totp, codes);
    }

    /** What an authenticator app makes of the URI: the base32 secret, digits and period. */
    static Totp authenticatorFor(String uri) {
        Map<String, String> query = UrlEncodedForm.parse(uri.substring(uri.indexOf('?') + 1));
        return new Totp(Base32.decode(query.get("secret")), Integer.parseInt(query.get("digits")),
                Integer.parseInt(query.get("period")));
    }

    /** A password sign-in that must end in the two-factor challenge. */
    static TestResponse signInExpectingChallenge(TestClient client, String email) {
        TestResponse response = Users.signIn(client, email, Users.PASSWORD).assertStatus(200);
        assertThat(response.json().get("twoFactorRedirect").asBoolean()).isTrue();
        assertThat(client.cookie(SESSION_COOKIE)).isNull();
        assertThat(client.cookie(TWO_FACTOR_COOKIE)).isNotNull();
        return response;
    }

    record Enrolment(TestClient client, Totp totp, java.util.List<String> backupCodes) {
    }
}
