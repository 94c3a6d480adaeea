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
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The global origin check attacked over real HTTP with a signed-in browser's cookie (wire reference §9.2,
 * and the probed {@code POST /update-user} answers quoted there).
 */
class OriginCheckHttpTest {
    private static final String EVIL = "http://evil.com";

    private static TestPostern start(TestDatabase database) {
        return TestPostern.start(database, new EmailPasswordPlugin(), new SessionPlugin());
    }

    /** A browser signed in as a fresh user, holding the session cookie. */
    private static TestClient signedIn(TestPostern auth) {
        TestClient browser = auth.client();
        Users.signUp(browser, "ada@example.com");
        assertThat(browser.cookie("better-auth.session_token")).isNotNull();
        return browser;
    }

    @SqliteAndPostgres
    void aCookieWithoutOriginIsRefusedAndTheSessionSurvives(TestDatabase database) {
        try (TestPostern auth = start(database)) {
            TestClient browser = signedIn(auth);

            TestResponse forged = browser.origin(null).postJson("/sign-out", Map.of());

            forged.assertError(403, "MISSING_OR_NULL_ORIGIN");
            assertThat(forged.body()).isEqualTo("{\"message\":\"Missing or null Origin\",\"code\":\"MISSING_OR_NULL_ORIGIN\"}");
            browser.origin(auth.origin().toString()).get("/get-session").assertStatus(200);
            assertThat(browser.get("/get-session").json().get("user").get("email").asString()).isEqualTo("ada@example.com");
        }
    }

    @SqliteAndPostgres
    void aCookieFromAnUntrustedOriginIsInvalidOrigin(TestDatabase database) {
        try (TestPostern auth = start(database)) {
            TestClient browser = signedIn(auth);

            TestResponse forged = browser.origin(EVIL).postJson("/update-session", Map.of());

            forged.assertError(403, "INVALID_ORIGIN");
            assertThat(forged.body()).isEqualTo("{\"message\":\"Invalid origin\",\"code\":\"INVALID_ORIGIN\"}");
        }
    }

    @Test
    void theAppsOwnOriginAndConfiguredOriginsPass() {
        try (TestPostern auth = TestPostern.builder().plugins(new EmailPasswordPlugin(), new SessionPlugin())
                .configure(b -> b.trustedOrigins(List.of("http://app.localhost:5173"))).start()) {
            TestClient browser = signedIn(auth);

            browser.origin("http://app.localhost:5173").postJson("/revoke-other-sessions", Map.of()).assertStatus(200);
            browser.origin(auth.origin().toString()).postJson("/sign-out", Map.of()).assertStatus(200);
        }
    }

    @Test
    void originNullFromTheSameOriginIsAccepted() {
        try (TestPostern auth = start(TestDatabase.SQLITE)) {
            TestClient browser = signedIn(auth).origin("null");

            browser.postJson("/revoke-other-sessions", Map.of()).assertError(403, "MISSING_OR_NULL_ORIGIN");
            TestResponse sameOrigin = browser.send(browser.builder("/revoke-other-sessions")
                    .header("Content-Type", "application/json").header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            sameOrigin.assertStatus(200);
        }
    }

    @Test
    void theRefererIsReadWhenThereIsNoOrigin() {
        try (TestPostern auth = start(TestDatabase.SQLITE)) {
            TestClient browser = signedIn(auth).origin(null);

            browser.send(browser.builder("/revoke-other-sessions").header("Content-Type", "application/json")
                    .header("Referer", auth.origin() + "/settings").POST(HttpRequest.BodyPublishers.ofString("{}")))
                    .assertStatus(200);
            browser.send(browser.builder("/update-session").header("Content-Type", "application/json")
                    .header("Referer", EVIL + "/page").POST(HttpRequest.BodyPublishers.ofString("{}")))
                    .assertError(403, "INVALID_ORIGIN");
        }
    }

    @Test
    void aBearerClientWithoutCookiesIsNotOriginChecked() {
        try (TestPostern auth = start(TestDatabase.SQLITE)) {
            TestClient server = auth.client().origin(EVIL);

            server.postJson("/sign-out", Map.of()).assertStatus(200);
            server.origin(null).postJson("/sign-in/email", Map.of("email", "nobody@example.com", "password", "x-x-x-x-x"))
                    .assertError(401, "INVALID_EMAIL_OR_PASSWORD");
        }
    }

    @Test
    void getRequestsAreNeverOriginChecked() {
        try (TestPostern auth = start(TestDatabase.SQLITE)) {
            TestClient browser = signedIn(auth).origin(EVIL);

            TestResponse session = browser.get("/get-session");

            session.assertStatus(200);
            assertThat(session.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
        }
    }

    @Test
    void disablingTheOriginCheckForAPathLetsOnlyThatPathThrough() {
        try (TestPostern auth = TestPostern.builder().plugins(new EmailPasswordPlugin(), new SessionPlugin())
                .configure(b -> b.security(SecuritySettings.defaults().withOriginCheckDisabledFor(List.of("/revoke-other-sessions"))))
                .start()) {
            TestClient browser = signedIn(auth).origin(EVIL);

            browser.postJson("/revoke-other-sessions", Map.of()).assertStatus(200);
            browser.postJson("/sign-out", Map.of()).assertError(403, "INVALID_ORIGIN");
        }
    }
}
