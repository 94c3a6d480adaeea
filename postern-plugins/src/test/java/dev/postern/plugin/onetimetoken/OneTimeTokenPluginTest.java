package dev.postern.plugin.onetimetoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.PosternApi;
import dev.postern.http.Headers;
import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
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

/** better-auth's {@code one-time-token} plugin (wire reference §12 "one-time-token"). */
class OneTimeTokenPluginTest {

    private static TestPostern start(TestDatabase database, OneTimeTokenOptions options, MutableClock clock) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new OneTimeTokenPlugin(options));
        return TestPostern.builder().database(database).plugins(plugins.toArray(Plugin[]::new))
                .configure(config -> config.clock(clock)).start();
    }

    private static void assertMessageOnly(TestResponse response, String message) {
        response.assertStatus(400);
        assertThat(response.json().get("message").asString()).isEqualTo(message);
        assertThat(response.json().has("code")).isFalse();
    }

    @SqliteAndPostgres
    void aTokenHandsTheSessionToAnotherClientOnce(TestDatabase database) {
        try (TestPostern auth = start(database, OneTimeTokenOptions.defaults(), new MutableClock())) {
            auth.client().get("/one-time-token/generate").assertError(401, "UNAUTHORIZED");
            TestClient app = auth.client();
            String sessionToken = Users.signUp(app, "ada@example.com").json().get("token").asString();

            String token = app.get("/one-time-token/generate").assertStatus(200).json().get("token").asString();
            assertThat(token).matches("[A-Za-z0-9_-]{32}");

            TestClient browser = auth.client();
            TestResponse verified = browser.postJson("/one-time-token/verify", Map.of("token", token)).assertStatus(200);
            assertThat(verified.json().get("session").get("token").asString()).isEqualTo(sessionToken);
            assertThat(verified.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(browser.cookie("better-auth.session_token")).startsWith(sessionToken + ".");
            assertThat(browser.get("/get-session").json().get("user").get("email").asString()).isEqualTo("ada@example.com");

            assertMessageOnly(auth.client().postJson("/one-time-token/verify", Map.of("token", token)), "Invalid token");
            assertMessageOnly(auth.client().postJson("/one-time-token/verify", Map.of("token", "made-up")), "Invalid token");
        }
    }

    @SqliteAndPostgres
    void tokensExpireAndDieWithTheirSession(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, OneTimeTokenOptions.defaults(), clock)) {
            TestClient app = auth.client();
            Users.signUp(app, "ada@example.com");
            String late = app.get("/one-time-token/generate").json().get("token").asString();
            String orphan = app.get("/one-time-token/generate").json().get("token").asString();

            clock.advance(Duration.ofMinutes(3).plusSeconds(1));
            assertMessageOnly(auth.client().postJson("/one-time-token/verify", Map.of("token", late)), "Invalid token");

            String fresh = app.get("/one-time-token/generate").json().get("token").asString();
            app.postJson("/sign-out", Map.of()).assertStatus(200);
            assertMessageOnly(auth.client().postJson("/one-time-token/verify", Map.of("token", fresh)), "Session not found");
            assertThat(orphan).isNotEqualTo(fresh);
        }
    }

    @SqliteAndPostgres
    void hashedStorageServerOnlyGenerationAndNoCookie(TestDatabase database) {
        OneTimeTokenOptions options = OneTimeTokenOptions.builder()
                .storeToken(OneTimeTokenOptions.HASHED)
                .disableClientRequest(true)
                .disableSetSessionCookie(true)
                .build();
        try (TestPostern auth = start(database, options, new MutableClock())) {
            TestClient app = auth.client();
            Users.signUp(app, "ada@example.com");
            assertMessageOnly(app.get("/one-time-token/generate"), "Client requests are disabled");

            Headers cookie = Headers.of("Cookie", "better-auth.session_token=" + app.cookie("better-auth.session_token"));
            @SuppressWarnings("unchecked")
            Map<String, Object> generated = (Map<String, Object>) auth.postern().api().call("generateOneTimeToken",
                    new PosternApi.ApiCall(null, null, Map.of(), cookie)).value();
            String token = (String) generated.get("token");

            assertThat(auth.postern().store().findOne(CoreSchema.VERIFICATION,
                    Where.eq("identifier", "one-time-token:" + TokenHashing.sha256(token)))).isPresent();
            assertThat(auth.postern().store().findOne(CoreSchema.VERIFICATION,
                    Where.eq("identifier", "one-time-token:" + token))).isEmpty();
            TestClient browser = auth.client();
            browser.postJson("/one-time-token/verify", Map.of("token", token)).assertStatus(200);
            assertThat(browser.cookie("better-auth.session_token")).isNull();
        }
    }

    @SqliteAndPostgres
    void setOttHeaderOnNewSessionHandsATokenWithEverySignIn(TestDatabase database) {
        OneTimeTokenOptions options = OneTimeTokenOptions.builder().setOttHeaderOnNewSession(true).build();
        try (TestPostern auth = start(database, options, new MutableClock())) {
            Users.signUp(auth.client(), "ada@example.com");
            TestResponse signIn = Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);

            String token = signIn.header("set-ott").orElseThrow();
            assertThat(signIn.header("Access-Control-Expose-Headers")).hasValueSatisfying(v -> assertThat(v).contains("set-ott"));
            TestResponse verified = auth.client().postJson("/one-time-token/verify", Map.of("token", token)).assertStatus(200);
            assertThat(verified.json().get("session").get("token").asString()).isEqualTo(signIn.json().get("token").asString());
        }
    }

    @org.junit.jupiter.api.Test
    void factoryReadsBetterAuthOptionNames() {
        OneTimeTokenPluginFactory factory = new OneTimeTokenPluginFactory();
        OneTimeTokenOptions options = ((OneTimeTokenPlugin) factory.create(Map.of("expiresIn", 10, "storeToken", "hashed",
                "disableClientRequest", true, "setOttHeaderOnNewSession", true))).options();
        assertThat(options.expiresIn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.storeToken().apply("abc")).isEqualTo(TokenHashing.sha256("abc"));
        assertThat(options.disableClientRequest()).isTrue();
        assertThat(options.setOttHeaderOnNewSession()).isTrue();
        assertThat(((OneTimeTokenPlugin) factory.create(Map.of())).options().expiresIn()).isEqualTo(Duration.ofMinutes(3));
        assertThatThrownBy(() -> factory.create(Map.of("storeToken", "custom-hasher"))).hasMessageContaining("storeToken");
        assertThat(TokenHashing.sha256("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }
}
