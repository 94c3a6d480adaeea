package dev.postern.plugin.captcha;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.json.Json;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The captcha plugin against local servers playing each provider (wire reference §12 captcha). */
class CaptchaTest {
    private static final String SECRET = "captcha-secret";
    private static final Map<String, Object> SIGN_UP =
            Map.of("email", "ada@example.com", "password", "correct horse battery", "name", "Ada");
    private static final Map<String, Object> SIGN_IN = Map.of("email", "ada@example.com", "password", "correct horse battery");

    @SqliteAndPostgres
    void turnstileGuardsTheDefaultEndpointsOnly(TestDatabase database) {
        try (FakeSiteVerify turnstile = FakeSiteVerify.start();
             TestPostern auth = start(database, CaptchaOptions.of(CaptchaProvider.CLOUDFLARE_TURNSTILE, SECRET)
                     .withSiteVerifyURLOverride(turnstile.url()))) {
            TestResponse missing = auth.client().postJson("/sign-up/email", SIGN_UP);
            TestResponse signedUp = withToken(auth.client(), "token-1", "/sign-up/email", SIGN_UP);
            JsonNode asked = Json.parse(turnstile.last().body());
            turnstile.answer("{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}");
            TestResponse refused = withToken(auth.client(), "bad", "/sign-in/email", SIGN_IN);
            TestResponse reset = withToken(auth.client(), "bad", "/request-password-reset",
                    Map.of("email", "ada@example.com"));
            int askedSoFar = turnstile.count();
            TestResponse unguarded = auth.client().get("/get-session");

            missing.assertError(400, "MISSING_RESPONSE");
            assertThat(missing.json().get("message").asString()).isEqualTo("Missing CAPTCHA response");
            signedUp.assertStatus(200);
            assertThat(turnstile.last().contentType()).startsWith("application/json");
            assertThat(asked.get("secret").asString()).isEqualTo(SECRET);
            assertThat(asked.get("response").asString()).isEqualTo("token-1");
            assertThat(asked.get("remoteip").asString()).isEqualTo("127.0.0.1");
            refused.assertError(403, "VERIFICATION_FAILED");
            assertThat(refused.json().get("message").asString()).isEqualTo("Captcha verification failed");
            assertThat(refused.setCookies()).isEmpty();
            reset.assertError(403, "VERIFICATION_FAILED");
            unguarded.assertStatus(200);
            assertThat(turnstile.count()).isEqualTo(askedSoFar);
        }
    }

    @SqliteAndPostgres
    void aVerifierThatCannotAnswerFailsClosed(TestDatabase database) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CaptchaOptions down = CaptchaOptions.of(CaptchaProvider.HCAPTCHA, SECRET)
                .withSiteVerifyURLOverride(URI.create("http://127.0.0.1:" + closedPort + "/siteverify"));
        try (TestPostern auth = start(database, down)) {
            TestResponse response = withToken(auth.client(), "token", "/sign-up/email", SIGN_UP);

            response.assertError(500, "UNKNOWN_ERROR");
            assertThat(response.json().get("message").asString()).isEqualTo("Something went wrong");
        }
        try (FakeSiteVerify failing = FakeSiteVerify.start();
             TestPostern auth = start(database, CaptchaOptions.of(CaptchaProvider.GOOGLE_RECAPTCHA, SECRET)
                     .withSiteVerifyURLOverride(failing.url()))) {
            failing.answer(503, "{\"success\":true}");
            withToken(auth.client(), "token", "/sign-up/email", SIGN_UP).assertError(500, "UNKNOWN_ERROR");
            failing.answer(200, "<html>not json</html>");
            withToken(auth.client(), "token", "/sign-up/email", SIGN_UP).assertError(500, "UNKNOWN_ERROR");
        }
    }

    @Test
    void recaptchaV3NeedsTheMinimumScoreAndV2OnlySuccess() {
        try (FakeSiteVerify google = FakeSiteVerify.start();
             TestPostern auth = start(TestDatabase.SQLITE, CaptchaOptions.of(CaptchaProvider.GOOGLE_RECAPTCHA, SECRET)
                     .withSiteVerifyURLOverride(google.url()))) {
            google.answer("{\"success\":true,\"score\":0.3,\"action\":\"signup\",\"hostname\":\"localhost\"}");
            TestResponse lowScore = withToken(auth.client(), "v3-low", "/sign-up/email", SIGN_UP);
            Map<String, String> asked = google.last().form();
            google.answer("{\"success\":true,\"score\":0.5}");
            TestResponse enough = withToken(auth.client(), "v3-ok", "/sign-up/email", SIGN_UP);
            google.answer("{\"success\":true,\"hostname\":\"localhost\"}");
            TestResponse v2 = withToken(auth.client(), "v2", "/sign-in/email", SIGN_IN);
            google.answer("{\"success\":false,\"error-codes\":[\"timeout-or-duplicate\"]}");
            TestResponse failed = withToken(auth.client(), "v2-bad", "/sign-in/email", SIGN_IN);

            lowScore.assertError(403, "VERIFICATION_FAILED");
            assertThat(google.last().contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(asked).containsEntry("secret", SECRET).containsEntry("response", "v3-low")
                    .containsEntry("remoteip", "127.0.0.1");
            enough.assertStatus(200);
            v2.assertStatus(200);
            failed.assertError(403, "VERIFICATION_FAILED");
        }
    }

    @Test
    void expectedActionAndAllowedHostnamesMustMatch() {
        try (FakeSiteVerify google = FakeSiteVerify.start();
             TestPostern auth = start(TestDatabase.SQLITE, CaptchaOptions.of(CaptchaProvider.GOOGLE_RECAPTCHA, SECRET)
                     .withSiteVerifyURLOverride(google.url()).withMinScore(0.8)
                     .withExpectedAction("signup", List.of("app.example.com")))) {
            google.answer("{\"success\":true,\"score\":0.9,\"action\":\"login\",\"hostname\":\"app.example.com\"}");
            TestResponse wrongAction = withToken(auth.client(), "t", "/sign-up/email", SIGN_UP);
            google.answer("{\"success\":true,\"score\":0.9,\"action\":\"signup\",\"hostname\":\"evil.example\"}");
            TestResponse wrongHost = withToken(auth.client(), "t", "/sign-up/email", SIGN_UP);
            google.answer("{\"success\":true,\"score\":0.7,\"action\":\"signup\",\"hostname\":\"app.example.com\"}");
            TestResponse belowMinScore = withToken(auth.client(), "t", "/sign-up/email", SIGN_UP);
            google.answer("{\"success\":true,\"score\":0.9,\"action\":\"signup\",\"hostname\":\"app.example.com\"}");
            TestResponse ok = withToken(auth.client(), "t", "/sign-up/email", SIGN_UP);

            wrongAction.assertError(403, "VERIFICATION_FAILED");
            wrongHost.assertError(403, "VERIFICATION_FAILED");
            belowMinScore.assertError(403, "VERIFICATION_FAILED");
            ok.assertStatus(200);
        }
    }

    /** Both take the site key; CaptchaFox spells the client address {@code remoteIp}, hCaptcha {@code remoteip}. */
    @ParameterizedTest(name = "{0} sends sitekey and {1}")
    @CsvSource({"HCAPTCHA, remoteip", "CAPTCHAFOX, remoteIp"})
    void siteKeyProvidersSendTheSiteKeyAndTheClientAddress(CaptchaProvider provider, String remoteIpParam) {
        try (FakeSiteVerify verifier = FakeSiteVerify.start();
             TestPostern auth = start(TestDatabase.SQLITE, CaptchaOptions.of(provider, SECRET)
                     .withSiteVerifyURLOverride(verifier.url()).withSiteKey("site-key-1"))) {
            TestResponse ok = withToken(auth.client(), "widget-token", "/sign-up/email", SIGN_UP);
            Map<String, String> asked = verifier.last().form();
            verifier.answer("{\"success\":false}");
            TestResponse refused = withToken(auth.client(), "widget-token", "/sign-up/email", SIGN_UP);

            ok.assertStatus(200);
            assertThat(asked).containsEntry("secret", SECRET).containsEntry("response", "widget-token")
                    .containsEntry("sitekey", "site-key-1").containsEntry(remoteIpParam, "127.0.0.1");
            refused.assertError(403, "VERIFICATION_FAILED");
        }
    }

    @Test
    void chosenEndpointsReplaceTheDefaultsAndMayBeGlobs() {
        try (FakeSiteVerify turnstile = FakeSiteVerify.start();
             TestPostern auth = start(TestDatabase.SQLITE, CaptchaOptions.of(CaptchaProvider.CLOUDFLARE_TURNSTILE, SECRET)
                     .withSiteVerifyURLOverride(turnstile.url()).withEndpoints(List.of("/sign-in/*")))) {
            auth.client().postJson("/sign-up/email", SIGN_UP).assertStatus(200);
            auth.client().postJson("/sign-in/email", Map.of("email", "ada@example.com", "password", "x"))
                    .assertError(400, "MISSING_RESPONSE");
        }
    }

    /** Posts JSON with the widget's token in {@code x-captcha-response}, as better-auth's client sends it. */
    private static TestResponse withToken(TestClient client, String token, String path, Object body) {
        return client.send(client.builder(path).header("Content-Type", "application/json")
                .header("x-captcha-response", token)
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    private static TestPostern start(TestDatabase database, CaptchaOptions options) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(), new SessionPlugin(), new CaptchaPlugin(options))
                .start();
    }
}
