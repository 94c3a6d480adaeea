package dev.postern.plugin.lastloginmethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.username.UsernamePlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** better-auth's {@code last-login-method} plugin (wire reference §5.1, §12 "last-login-method"). */
class LastLoginMethodPluginTest {
    private static final String COOKIE = "better-auth.last_used_login_method";

    private static TestPostern start(TestDatabase database, Plugin... more) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.addAll(List.of(more));
        return TestPostern.start(database, plugins.toArray(Plugin[]::new));
    }

    private static List<String> methodCookies(TestResponse response) {
        return response.setCookies().stream().filter(c -> c.startsWith(COOKIE + "=")).toList();
    }

    @SqliteAndPostgres
    void signUpAndSignInSetAScriptReadableCookie(TestDatabase database) {
        try (TestPostern auth = start(database, new LastLoginMethodPlugin())) {
            TestResponse signUp = Users.signUp(auth.client(), "ada@example.com");
            assertThat(methodCookies(signUp)).containsExactly(COOKIE + "=email; Max-Age=2592000; Path=/; SameSite=Lax");

            TestClient browser = auth.client();
            assertThat(methodCookies(Users.signIn(browser, "ada@example.com", Users.PASSWORD))).hasSize(1);
            assertThat(browser.cookie(COOKIE)).isEqualTo("email");
            assertThat(methodCookies(Users.signIn(auth.client(), "ada@example.com", "wrong password"))).isEmpty();
            assertThat(methodCookies(browser.get("/get-session"))).isEmpty();
        }
    }

    @SqliteAndPostgres
    void storeInDatabaseAndCustomResolution(TestDatabase database) {
        LastLoginMethodOptions options = LastLoginMethodOptions.defaults()
                .withStoreInDatabase(true)
                .withCustomResolveMethod(ctx -> ctx.endpoint().path().equals("/sign-in/username") ? "username" : null);
        try (TestPostern auth = start(database, new LastLoginMethodPlugin(options), new UsernamePlugin())) {
            TestClient browser = auth.client();
            browser.postJson("/sign-up/email", Map.of("email", "ada@example.com", "password", Users.PASSWORD,
                    "name", "Ada", "username", "ada")).assertStatus(200);
            assertThat(browser.get("/get-session?disableCookieCache=true").json().get("user").get("lastLoginMethod").asString())
                    .isEqualTo("email");

            TestResponse byUsername = browser.postJson("/sign-in/username", Map.of("username", "ada", "password", Users.PASSWORD));
            assertThat(methodCookies(byUsername)).singleElement().satisfies(c -> assertThat(c).startsWith(COOKIE + "=username;"));
            assertThat(auth.postern().users().findById(byUsername.json().get("user").get("id").asString()).orElseThrow()
                    .string("lastLoginMethod")).isEqualTo("username");
            browser.postJson("/update-user", Map.of("lastLoginMethod", "forged")).assertError(400, "FIELD_NOT_ALLOWED");
        }
    }

    @SqliteAndPostgres
    void beforeStoreCookieMayRefuse(TestDatabase database) {
        LastLoginMethodOptions options = LastLoginMethodOptions.defaults().withBeforeStoreCookie((ctx, method) -> false);
        try (TestPostern auth = start(database, new LastLoginMethodPlugin(options))) {
            assertThat(methodCookies(Users.signUp(auth.client(), "ada@example.com"))).isEmpty();
        }
    }

    @Test
    void factoryReadsBetterAuthOptionNames() {
        LastLoginMethodPluginFactory factory = new LastLoginMethodPluginFactory();
        LastLoginMethodOptions options = ((LastLoginMethodPlugin) factory.create(
                Map.of("cookieName", "last_method", "maxAge", 60, "storeInDatabase", true))).options();
        assertThat(options.cookieName()).isEqualTo("last_method");
        assertThat(options.maxAge()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.storeInDatabase()).isTrue();
        assertThat(((LastLoginMethodPlugin) factory.create(Map.of())).options()).isEqualTo(LastLoginMethodOptions.defaults());
        assertThatThrownBy(() -> factory.create(Map.of("customResolveMethod", "x"))).hasMessageContaining("customResolveMethod");
    }
}
