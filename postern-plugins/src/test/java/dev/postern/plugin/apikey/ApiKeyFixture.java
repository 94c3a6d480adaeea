package dev.postern.plugin.apikey;

import dev.postern.PosternApi.ApiCall;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** A running instance with the core routes and the api-key plugin, and short ways to use it in tests. */
final class ApiKeyFixture implements AutoCloseable {
    final TestPostern auth;
    final ApiKeyPlugin plugin;

    private ApiKeyFixture(TestPostern auth, ApiKeyPlugin plugin) {
        this.auth = auth;
        this.plugin = plugin;
    }

    static ApiKeyFixture start(TestDatabase database, ApiKeyOptions options) {
        return start(database, options, config -> { });
    }

    static ApiKeyFixture start(TestDatabase database, ApiKeyOptions options,
                               Consumer<dev.postern.PosternConfig.Builder> configure) {
        ApiKeyPlugin plugin = new ApiKeyPlugin(options);
        TestPostern auth = TestPostern.builder()
                .database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(), plugin)
                .configure(configure)
                .start();
        return new ApiKeyFixture(auth, plugin);
    }

    /** A signed-in browser client for a new user. */
    TestClient user(String email) {
        TestClient client = auth.client();
        Users.signUp(client, email);
        return client;
    }

    String userId(TestClient client) {
        return client.get("/get-session").assertStatus(200).json().get("user").get("id").asString();
    }

    /** Creates a key as trusted server code may: with server-only fields, for {@code userId}. */
    JsonNode createOnServer(String userId, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("userId", userId);
        Object created = auth.postern().api().call("createApiKey", ApiCall.body(body)).value();
        return dev.postern.json.Json.valueToTree(created);
    }

    ApiKeyVerification verify(String key) {
        return plugin.verifyApiKey(key, null);
    }

    ApiKeyVerification verify(String key, Map<String, List<String>> permissions) {
        return plugin.verifyApiKey(key, permissions);
    }

    Row stored(String id) {
        return auth.postern().store().findOne("apikey", Where.eq("id", id)).orElseThrow();
    }

    @Override
    public void close() {
        auth.close();
    }

    boolean exists(String id) {
        return auth.postern().store().findOne("apikey", Where.eq("id", id)).isPresent();
    }
}
