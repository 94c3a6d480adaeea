package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CORS for a single-page app on another origin, through the real Jetty server. */
class CorsHttpTest {
    private static final String SPA = "http://app.localhost:5173";

    private static TestPostern start() {
        return TestPostern.builder().plugins(new EmailPasswordPlugin(), new SessionPlugin())
                .configure(b -> b.trustedOrigins(List.of(SPA))).start();
    }

    private static TestResponse preflight(TestClient client, String path, String origin) {
        return client.origin(origin).send(client.builder(path)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void aPreflightFromTheTrustedAppIsAllowedWithCredentials() {
        try (TestPostern auth = start()) {
            TestResponse response = preflight(auth.client(), "/sign-in/email", SPA);

            response.assertStatus(204);
            assertThat(response.header("Access-Control-Allow-Origin")).hasValue(SPA);
            assertThat(response.header("Access-Control-Allow-Credentials")).hasValue("true");
            assertThat(response.header("Access-Control-Allow-Methods")).hasValueSatisfying(m -> assertThat(m).contains("POST"));
            assertThat(response.header("Access-Control-Allow-Headers")).hasValueSatisfying(h -> assertThat(h).contains("content-type"));
            assertThat(response.header("Access-Control-Max-Age")).hasValue("600");
            assertThat(response.header("Vary")).hasValue("Origin");
        }
    }

    @Test
    void aPreflightFromAnUntrustedOriginIsRefusedWithoutCorsHeaders() {
        try (TestPostern auth = start()) {
            TestResponse response = preflight(auth.client(), "/sign-in/email", "http://evil.com");

            response.assertStatus(403);
            assertThat(response.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
    }

    @Test
    void theSignedInAppReadsCredentialedResponses() {
        try (TestPostern auth = start()) {
            TestClient app = auth.client().origin(SPA);
            TestResponse signUp = Users.signUp(app, "ada@example.com");
            TestResponse session = app.get("/get-session");

            for (TestResponse response : List.of(signUp, session)) {
                assertThat(response.header("Access-Control-Allow-Origin")).hasValue(SPA);
                assertThat(response.header("Access-Control-Allow-Credentials")).hasValue("true");
                assertThat(response.header("Vary")).hasValue("Origin");
            }
            assertThat(session.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
        }
    }

    @Test
    void anUntrustedOriginGetsNoCorsHeadersSoItsPageCannotReadTheAnswer() {
        try (TestPostern auth = start()) {
            TestClient browser = auth.client();
            Users.signUp(browser, "ada@example.com");

            TestResponse response = browser.origin("http://evil.com").get("/get-session");

            response.assertStatus(200);
            assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(response.header("Access-Control-Allow-Credentials")).isEmpty();
            assertThat(response.header("Vary")).hasValue("Origin");
        }
    }

    @Test
    void anErrorForTheTrustedAppCarriesCorsHeadersSoItCanReadTheCode() {
        try (TestPostern auth = start()) {
            TestResponse response = auth.client().origin(SPA).postJson("/sign-in/email",
                    Map.of("email", "nobody@example.com", "password", "wrong-password"));

            response.assertError(401, "INVALID_EMAIL_OR_PASSWORD");
            assertThat(response.header("Access-Control-Allow-Origin")).hasValue(SPA);
        }
    }
}
