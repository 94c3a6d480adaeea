package dev.postern.plugin.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.crypto.UriComponent;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;

/**
 * better-auth's bearer after-hook (wire reference §12 "bearer", Appendix A): a response that sets the
 * session cookie also says {@code set-auth-token: <token>.<signature>} and exposes that header to CORS.
 */
class AuthTokenHeaderTest {
    private static final String COOKIE = "better-auth.session_token";

    @SqliteAndPostgres
    void signUpSendsTheDecodedSessionCookieAsSetAuthTokenAndExposesIt(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, BearerOptions.defaults())) {
            TestClient browser = auth.client();

            TestResponse signUp = Users.signUp(browser, "ada@example.com");

            String token = signUp.header("set-auth-token").orElseThrow();
            assertThat(token).isEqualTo(UriComponent.decodeOrKeep(browser.cookie(COOKIE)))
                    .matches("[A-Za-z0-9]{32}\\.[A-Za-z0-9+/]{43}=");
            assertThat(signUp.header("access-control-expose-headers")).hasValueSatisfying(
                    exposed -> assertThat(exposed.split(",\\s*")).contains("set-auth-token"));
        }
    }

    @SqliteAndPostgres
    void signInSendsTheNewSessionsToken(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, BearerOptions.defaults())) {
            String signUpToken = new BearerClients(auth).signUp("ada@example.com");

            TestResponse signIn = Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);

            String token = signIn.header("set-auth-token").orElseThrow();
            assertThat(token).isNotEqualTo(signUpToken)
                    .startsWith(signIn.json().get("token").asString() + ".");
        }
    }

    @SqliteAndPostgres
    void responsesThatSetNoSessionCookieCarryNoToken(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, BearerOptions.defaults())) {
            TestClient browser = auth.client();
            Users.signUp(browser, "ada@example.com");

            assertThat(browser.get("/get-session").assertStatus(200).header("set-auth-token")).isEmpty();
            TestResponse signOut = browser.postJson("/sign-out", Map.of()).assertStatus(200);
            assertThat(signOut.header("set-auth-token")).as("an expired cookie is no token").isEmpty();
            assertThat(Users.signIn(auth.client(), "ada@example.com", "wrong password").header("set-auth-token"))
                    .isEmpty();
        }
    }
}
