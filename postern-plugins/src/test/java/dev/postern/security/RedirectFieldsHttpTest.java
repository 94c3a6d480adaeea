package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every redirect target the real endpoints accept is checked against the trusted origins over HTTP, with
 * better-auth's codes (wire reference §3.1, §9.2): no open redirect through any of them.
 */
class RedirectFieldsHttpTest {

    private static TestPostern start() {
        return TestPostern.builder().plugins(new EmailPasswordPlugin(), new SessionPlugin())
                .configure(b -> b.trustedOrigins(List.of("https://app.example.com", "myapp://"))).start();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "callbackURL, INVALID_CALLBACK_URL",
            "redirectTo, INVALID_REDIRECT_URL",
            "errorCallbackURL, INVALID_ERROR_CALLBACK_URL",
            "newUserCallbackURL, INVALID_NEW_USER_CALLBACK_URL"})
    void anUntrustedTargetInASignInBodyIsRefusedWithItsCode(String field, String code) {
        try (TestPostern auth = start()) {
            Users.signUp(auth.client(), "ada@example.com");

            auth.client().postJson("/sign-in/email", Map.of("email", "ada@example.com", "password", Users.PASSWORD,
                    field, "https://evil.com/welcome")).assertError(403, code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "/\\evil.com", "/%2f%2fevil.com", "/%5cevil.com",
            "https://app.example.com@evil.com", "https://evil.com#@app.example.com", "https://app.example.com.evil.com",
            "javascript:alert(1)", "data:text/html,hi", "JavaScript:alert(1)", "http://evil.com\\@app.example.com",
            "\t//evil.com", "https://аpp.example.com"})
    void encodedTricksAreRefusedOnSignUp(String callbackUrl) {
        try (TestPostern auth = start()) {
            auth.client().postJson("/sign-up/email", Map.of("email", "ada@example.com", "password", Users.PASSWORD,
                    "name", "Ada", "callbackURL", callbackUrl)).assertError(403, "INVALID_CALLBACK_URL");
            assertThat(auth.postern().users().findByEmail("ada@example.com")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "https://app.example.com/welcome", "myapp://callback/done"})
    void safePathsAndTrustedOriginsAreAccepted(String callbackUrl) {
        try (TestPostern auth = start()) {
            Users.signUp(auth.client(), "ada@example.com");

            TestResponse signedIn = auth.client().postJson("/sign-in/email", Map.of("email", "ada@example.com",
                    "password", Users.PASSWORD, "callbackURL", callbackUrl));

            signedIn.assertStatus(200);
            assertThat(signedIn.json().get("url").asString()).isEqualTo(callbackUrl);
        }
    }

    @SqliteAndPostgres
    void anUntrustedRedirectToOfAPasswordResetIsRefused(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            auth.client().postJson("/request-password-reset", Map.of("email", "ada@example.com",
                    "redirectTo", "https://evil.com/reset")).assertError(403, "INVALID_REDIRECT_URL");
        }
    }

    @Test
    void anUntrustedCallbackOfAMailedGetLinkIsRefused() {
        try (TestPostern auth = start()) {
            auth.client().get("/verify-email?token=whatever&callbackURL=https%3A%2F%2Fevil.com")
                    .assertError(403, "INVALID_CALLBACK_URL");
            auth.client().get("/reset-password/whatever?callbackURL=%2F%2Fevil.com")
                    .assertError(403, "INVALID_CALLBACK_URL");
        }
    }

    @Test
    void aTargetThatIsNotAStringIsABadRequestWithoutCode() {
        try (TestPostern auth = start()) {
            TestResponse response = auth.client().postJson("/sign-in/email", Map.of("email", "ada@example.com",
                    "password", Users.PASSWORD, "callbackURL", 42));

            response.assertStatus(400);
            assertThat(response.body()).isEqualTo("{\"message\":\"Invalid callbackURL: expected a string\"}");
        }
    }

    @Test
    void disablingTheOriginCheckForAPathAlsoLetsItsRedirectsThrough() {
        try (TestPostern auth = TestPostern.builder().plugins(new EmailPasswordPlugin())
                .configure(b -> b.security(SecuritySettings.defaults().withOriginCheckDisabledFor(List.of("/verify-email"))))
                .start()) {
            TestClient browser = auth.client();

            TestResponse response = browser.get("/verify-email?token=whatever&callbackURL=https%3A%2F%2Fexternal.example");

            assertThat(response.status()).isNotEqualTo(403);
            browser.get("/reset-password/whatever?callbackURL=https%3A%2F%2Fexternal.example")
                    .assertError(403, "INVALID_CALLBACK_URL");
        }
    }
}
