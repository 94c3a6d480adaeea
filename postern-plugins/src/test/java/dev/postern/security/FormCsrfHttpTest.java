package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Login CSRF on the real sign-in and sign-up forms (wire reference §9.2 {@code formCsrfMiddleware}): a page
 * on another site that auto-submits a form must not sign the victim into the attacker's account.
 */
class FormCsrfHttpTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    private static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** What a browser sends when a cross-site page submits a form to Postern. */
    private static TestResponse crossSiteFormPost(TestClient browser, String path, String body) {
        return browser.origin("http://evil.com").send(browser.builder(path)
                .header("Content-Type", FORM)
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @SqliteAndPostgres
    void aCrossSiteFormSignInIsBlockedAndStartsNoSession(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            Users.signUp(auth.client(), "attacker@example.com");
            TestClient victim = auth.client();

            TestResponse response = crossSiteFormPost(victim, "/sign-in/email",
                    form("email", "attacker@example.com", "password", Users.PASSWORD));

            response.assertError(403, "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
            assertThat(response.json().get("message").asString())
                    .isEqualTo("Cross-site navigation login blocked. This request appears to be a CSRF attack.");
            assertThat(response.setCookies()).isEmpty();
            assertThat(victim.cookie("better-auth.session_token")).isNull();
        }
    }

    @Test
    void aCrossSiteFormSignUpIsBlockedAndCreatesNoUser() {
        try (TestPostern auth = TestPostern.start(new EmailPasswordPlugin())) {
            crossSiteFormPost(auth.client(), "/sign-up/email",
                    form("email", "planted@example.com", "password", Users.PASSWORD, "name", "Planted"))
                    .assertError(403, "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");

            assertThat(auth.postern().users().findByEmail("planted@example.com")).isEmpty();
        }
    }

    @Test
    void aCrossSiteFetchFromAnUntrustedOriginIsInvalidOrigin() {
        try (TestPostern auth = TestPostern.start(new EmailPasswordPlugin())) {
            Users.signUp(auth.client(), "ada@example.com");
            TestClient page = auth.client().origin("http://evil.com");

            page.send(page.builder("/sign-in/email").header("Content-Type", "application/json")
                    .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "cors")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"ada@example.com\",\"password\":\"" + Users.PASSWORD + "\"}")))
                    .assertError(403, "INVALID_ORIGIN");
        }
    }

    @Test
    void aSameOriginFormSignInWorks() {
        try (TestPostern auth = TestPostern.start(new EmailPasswordPlugin())) {
            Users.signUp(auth.client(), "ada@example.com");
            TestClient browser = auth.client();

            TestResponse response = browser.send(browser.builder("/sign-in/email")
                    .header("Content-Type", FORM)
                    .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "navigate")
                    .POST(HttpRequest.BodyPublishers.ofString(form("email", "ada@example.com", "password", Users.PASSWORD))));

            response.assertStatus(200);
            assertThat(browser.cookie("better-auth.session_token")).isNotNull();
        }
    }

    @Test
    void aServerWithoutOriginOrFetchMetadataSignsIn() {
        try (TestPostern auth = TestPostern.start(new EmailPasswordPlugin())) {
            Users.signUp(auth.client(), "ada@example.com");

            Users.signIn(auth.client().origin(null), "ada@example.com", Users.PASSWORD).assertStatus(200);
        }
    }

    @Test
    void disablingTheCsrfCheckLetsTheCrossSiteFormThrough() {
        try (TestPostern auth = TestPostern.builder().plugins(new EmailPasswordPlugin())
                .configure(b -> b.security(SecuritySettings.defaults().withCsrfCheckDisabled())).start()) {
            Users.signUp(auth.client(), "ada@example.com");

            crossSiteFormPost(auth.client(), "/sign-in/email", form("email", "ada@example.com", "password", Users.PASSWORD))
                    .assertStatus(200);
        }
    }
}
