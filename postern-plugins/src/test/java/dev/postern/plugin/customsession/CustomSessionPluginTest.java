package dev.postern.plugin.customsession;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.multisession.MultiSessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** better-auth's {@code custom-session} plugin (wire reference §12 "custom-session"). */
class CustomSessionPluginTest {

    private static Object withRoles(Map<String, Object> session, dev.postern.endpoint.EndpointContext ctx) {
        Map<String, Object> out = new LinkedHashMap<>(session);
        Map<?, ?> user = (Map<?, ?>) session.get("user");
        out.put("roles", List.of("reader:" + user.get("email")));
        return out;
    }

    @SqliteAndPostgres
    void getSessionAnswersWhatTheFunctionMakesOfIt(TestDatabase database) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new CustomSessionPlugin(CustomSessionPluginTest::withRoles, true));
        plugins.add(new MultiSessionPlugin());
        try (TestPostern auth = TestPostern.start(database, plugins.toArray(Plugin[]::new))) {
            assertThat(auth.client().get("/get-session").body()).isEqualTo("null");
            TestClient browser = auth.client();
            Users.signUp(browser, "ada@example.com");

            JsonNode session = browser.get("/get-session").assertStatus(200).json();

            assertThat(session.get("roles").get(0).asString()).isEqualTo("reader:ada@example.com");
            assertThat(session.get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(session.get("session").get("token").asString()).isNotEmpty();
            JsonNode devices = browser.get("/multi-session/list-device-sessions").json();
            assertThat(devices.get(0).get("roles").get(0).asString()).isEqualTo("reader:ada@example.com");
        }
    }

    @SqliteAndPostgres
    void aFunctionMayHideTheSession(TestDatabase database) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new CustomSessionPlugin((session, ctx) -> null));
        try (TestPostern auth = TestPostern.start(database, plugins.toArray(Plugin[]::new))) {
            TestClient browser = auth.client();
            Users.signUp(browser, "ada@example.com");
            assertThat(browser.get("/get-session").body()).isEqualTo("null");
        }
    }
}
