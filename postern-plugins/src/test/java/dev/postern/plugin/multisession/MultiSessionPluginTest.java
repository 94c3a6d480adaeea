package dev.postern.plugin.multisession;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** better-auth's {@code multi-session} plugin (wire reference §12 "multi-session"). */
class MultiSessionPluginTest {
    private static final String SESSION_COOKIE = "better-auth.session_token";

    private static TestPostern start(TestDatabase database, MultiSessionOptions options) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new MultiSessionPlugin(options));
        return TestPostern.start(database, plugins.toArray(Plugin[]::new));
    }

    private static String multiCookie(String token) {
        return SESSION_COOKIE + "_multi-" + token.toLowerCase(Locale.ROOT);
    }

    private static List<String> emails(TestResponse list) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : list.json()) {
            out.add(item.get("user").get("email").asString());
        }
        return out;
    }

    @SqliteAndPostgres
    void oneDeviceHoldsTwoAccountsAndSwitchesBetweenThem(TestDatabase database) {
        try (TestPostern auth = start(database, MultiSessionOptions.defaults())) {
            Users.signUp(auth.client(), "ada@example.com");
            Users.signUp(auth.client(), "bob@example.com");
            TestClient device = auth.client();

            TestResponse ada = Users.signIn(device, "ada@example.com", Users.PASSWORD).assertStatus(200);
            String adaToken = ada.json().get("token").asString();
            assertThat(ada.setCookies()).anyMatch(c -> c.startsWith(multiCookie(adaToken) + "=" + adaToken + ".")
                    && c.contains("Max-Age=604800") && c.contains("HttpOnly") && c.contains("SameSite=Lax"));
            String bobToken = Users.signIn(device, "bob@example.com", Users.PASSWORD).json().get("token").asString();

            TestResponse list = device.get("/multi-session/list-device-sessions").assertStatus(200);
            assertThat(emails(list)).containsExactlyInAnyOrder("ada@example.com", "bob@example.com");
            assertThat(device.get("/get-session").json().get("user").get("email").asString()).isEqualTo("bob@example.com");

            TestResponse active = device.postJson("/multi-session/set-active", Map.of("sessionToken", adaToken)).assertStatus(200);
            assertThat(active.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(active.json().get("session").get("token").asString()).isEqualTo(adaToken);
            assertThat(device.get("/get-session").json().get("user").get("email").asString()).isEqualTo("ada@example.com");

            // A token this device holds no cookie for is refused, whoever it belongs to.
            TestClient stranger = auth.client();
            stranger.postJson("/multi-session/set-active", Map.of("sessionToken", bobToken)).assertError(401, "INVALID_SESSION_TOKEN");
            assertThat(stranger.get("/multi-session/list-device-sessions").body()).isEqualTo("[]");
        }
    }

    @SqliteAndPostgres
    void revokingTheActiveSessionSwitchesToTheNextAndSignOutEndsThemAll(TestDatabase database) {
        try (TestPostern auth = start(database, MultiSessionOptions.defaults())) {
            Users.signUp(auth.client(), "ada@example.com");
            Users.signUp(auth.client(), "bob@example.com");
            Users.signUp(auth.client(), "cy@example.com");
            TestClient device = auth.client();
            String adaToken = Users.signIn(device, "ada@example.com", Users.PASSWORD).json().get("token").asString();
            String bobToken = Users.signIn(device, "bob@example.com", Users.PASSWORD).json().get("token").asString();
            String cyToken = Users.signIn(device, "cy@example.com", Users.PASSWORD).json().get("token").asString();

            device.postJson("/multi-session/revoke", Map.of("sessionToken", adaToken)).assertStatus(200);
            assertThat(auth.postern().sessions().findByToken(adaToken)).isEmpty();
            assertThat(device.cookie(multiCookie(adaToken))).isNull();
            assertThat(device.get("/get-session").json().get("user").get("email").asString()).isEqualTo("cy@example.com");

            TestResponse revokeActive = device.postJson("/multi-session/revoke", Map.of("sessionToken", cyToken)).assertStatus(200);
            assertThat(revokeActive.json().get("status").asBoolean()).isTrue();
            assertThat(device.get("/get-session").json().get("user").get("email").asString()).isEqualTo("bob@example.com");
            device.postJson("/multi-session/revoke", Map.of("sessionToken", "not-held")).assertError(401, "INVALID_SESSION_TOKEN");

            String danToken = signUpAndIn(auth, device, "dan@example.com");
            assertThat(emails(device.get("/multi-session/list-device-sessions"))).containsExactlyInAnyOrder("bob@example.com", "dan@example.com");

            device.postJson("/sign-out", Map.of()).assertStatus(200);

            assertThat(auth.postern().sessions().findByToken(bobToken)).isEmpty();
            assertThat(auth.postern().sessions().findByToken(danToken)).isEmpty();
            assertThat(device.cookies().keySet()).noneMatch(name -> name.startsWith(SESSION_COOKIE));
            assertThat(device.get("/get-session").body()).isEqualTo("null");
        }
    }

    @SqliteAndPostgres
    void theSameUserTwiceReplacesItsSessionAndTheMaximumIsKept(TestDatabase database) {
        try (TestPostern auth = start(database, new MultiSessionOptions(2))) {
            Users.signUp(auth.client(), "ada@example.com");
            Users.signUp(auth.client(), "bob@example.com");
            Users.signUp(auth.client(), "cy@example.com");
            TestClient device = auth.client();
            String first = Users.signIn(device, "ada@example.com", Users.PASSWORD).json().get("token").asString();
            String second = Users.signIn(device, "ada@example.com", Users.PASSWORD).json().get("token").asString();

            assertThat(auth.postern().sessions().findByToken(first)).isEmpty();
            assertThat(device.cookie(multiCookie(first))).isNull();
            assertThat(device.cookie(multiCookie(second))).isNotNull();

            Users.signIn(device, "bob@example.com", Users.PASSWORD).assertStatus(200);
            String cyToken = Users.signIn(device, "cy@example.com", Users.PASSWORD).json().get("token").asString();

            assertThat(device.cookie(multiCookie(cyToken))).isNull();
            assertThat(emails(device.get("/multi-session/list-device-sessions"))).containsExactlyInAnyOrder("ada@example.com", "bob@example.com");
        }
    }

    private static String signUpAndIn(TestPostern auth, TestClient device, String email) {
        Users.signUp(auth.client(), email);
        return Users.signIn(device, email, Users.PASSWORD).json().get("token").asString();
    }
}
