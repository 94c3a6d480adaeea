package dev.postern.plugin.bearer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.endpoint.Hook;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * better-auth's bearer before-hook (wire reference §12 "bearer"): {@code Authorization: Bearer} stands in
 * for the session cookie on every endpoint, bearer clients pass the origin check because they send no
 * cookie (§9.2), and nothing unsigned is trusted once {@code requireSignature} is on.
 */
class BearerAuthenticationTest {

    @SqliteAndPostgres
    void bearerTokenWithoutCookiesGetsItsSession(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, BearerOptions.defaults())) {
            BearerClients app = new BearerClients(auth);
            String token = app.signUp("ada@example.com");

            JsonNode session = app.get("/get-session", token).assertStatus(200).json();

            assertThat(session.get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(token).startsWith(session.get("session").get("token").asString() + ".");
        }
    }

    @SqliteAndPostgres
    void bearerPostWithoutOriginPassesTheOriginCheckThatCookiesDoNot(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, BearerOptions.defaults())) {
            BearerClients app = new BearerClients(auth);
            TestClient browser = auth.client();
            String token = Users.signUp(browser, "ada@example.com").header("set-auth-token").orElseThrow();

            browser.origin(null).postJson("/update-user", Map.of("name", "Cookie"))
                    .assertError(403, "MISSING_OR_NULL_ORIGIN");
            app.postJson("/update-user", Map.of("name", "Bearer"), token).assertStatus(200);

            assertThat(app.get("/get-session", token).json().get("user").get("name").asString()).isEqualTo("Bearer");
        }
    }

    @SqliteAndPostgres
    void bearerTokenListsTheUsersSessions(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, BearerOptions.defaults())) {
            BearerClients app = new BearerClients(auth);
            String token = app.signUp("ada@example.com");

            JsonNode sessions = app.get("/list-sessions", token).assertStatus(200).json();

            assertThat(sessions.valueStream().map(s -> s.get("token").asString()))
                    .containsExactly(token.substring(0, token.indexOf('.')));
        }
    }

    @SqliteAndPostgres
    void tamperedSignatureAuthenticatesNobody(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, BearerOptions.defaults())) {
            BearerClients app = new BearerClients(auth);
            String token = app.signUp("ada@example.com");
            String raw = token.substring(0, token.indexOf('.'));
            String otherSignature = app.signUp("bob@example.com").substring(raw.length());

            assertThat(app.get("/get-session", raw + otherSignature).body()).isEqualTo("null");
            app.get("/list-sessions", raw + ".forged").assertError(401, "UNAUTHORIZED");
        }
    }

    @SqliteAndPostgres
    void bareSessionTokenIsAcceptedByDefault(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, BearerOptions.defaults())) {
            BearerClients app = new BearerClients(auth);
            String token = app.signUp("ada@example.com");

            TestResponse session = app.get("/get-session", token.substring(0, token.indexOf('.')));

            assertThat(session.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(app.get("/get-session", "no-such-session-token").body()).isEqualTo("null");
        }
    }

    @SqliteAndPostgres
    void requireSignatureRefusesABareTokenButTakesTheSignedOne(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, new BearerOptions(true))) {
            BearerClients app = new BearerClients(auth);
            String token = app.signUp("ada@example.com");

            assertThat(app.get("/get-session", token.substring(0, token.indexOf('.'))).body()).isEqualTo("null");
            assertThat(app.get("/get-session", token).json().get("user").get("email").asString())
                    .isEqualTo("ada@example.com");
        }
    }

    @SqliteAndPostgres
    void uriEncodedTokenAsInSetCookieIsAccepted(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, new BearerOptions(true))) {
            BearerClients app = new BearerClients(auth);
            TestClient browser = auth.client();
            Users.signUp(browser, "ada@example.com");

            String cookieValue = browser.cookie("better-auth.session_token");

            assertThat(cookieValue).contains("%");
            assertThat(app.get("/get-session", cookieValue).json().get("user").get("email").asString())
                    .isEqualTo("ada@example.com");
        }
    }

    @SqliteAndPostgres
    void sessionReadByAnEarlierHookIsReadAgainForTheBearerRequest(TestDatabase database) {
        // Application hooks run before plugin hooks: this one looks for a session before the bearer
        // hook has put the cookie in, and the handler must not be left with that empty answer.
        Hook earlyReader = Hook.always(ctx -> {
            ctx.postern().sessions().current(ctx);
            return null;
        });
        try (TestPostern auth = TestPostern.builder()
                .database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(), new BearerPlugin())
                .configure(config -> config.before(earlyReader))
                .start()) {
            BearerClients app = new BearerClients(auth);
            String token = app.signUp("ada@example.com");

            assertThat(app.get("/get-session", token).json().get("user").get("email").asString())
                    .isEqualTo("ada@example.com");
        }
    }

    @SqliteAndPostgres
    void signOutWithBearerTokenRevokesTheSession(TestDatabase database) {
        try (TestPostern auth = BearerClients.start(database, BearerOptions.defaults())) {
            BearerClients app = new BearerClients(auth);
            String token = app.signUp("ada@example.com");

            app.postJson("/sign-out", Map.of(), token).assertStatus(200);

            assertThat(app.get("/get-session", token).body()).isEqualTo("null");
        }
    }
}
