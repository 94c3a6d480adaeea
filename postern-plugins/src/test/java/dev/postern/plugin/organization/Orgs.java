package dev.postern.plugin.organization;

import dev.postern.PosternApi.ApiCall;
import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Short ways to set up organizations in a test, through the public endpoints and the Java API. */
final class Orgs {
    private Orgs() {
    }

    static TestPostern start(TestDatabase database, OrganizationOptions options) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new OrganizationPlugin(options));
        return TestPostern.start(database, plugins.toArray(Plugin[]::new));
    }

    /** A signed-in browser of a new user. */
    static TestClient user(TestPostern auth, String email) {
        TestClient client = auth.client();
        Users.signUp(client, email);
        return client;
    }

    static String userId(TestClient client) {
        return client.get("/get-session").json().get("user").get("id").asString();
    }

    static JsonNode create(TestClient client, String name, String slug) {
        return client.postJson("/organization/create", Map.of("name", name, "slug", slug)).assertStatus(200).json();
    }

    /** add-member, which only the server may call. */
    static JsonNode addMember(TestPostern auth, String userId, String organizationId, String role) {
        return auth.postern().api().call("addMember", ApiCall.body(Map.of("userId", userId,
                "organizationId", organizationId, "role", role))).json();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String activeOrganizationId(TestClient client) {
        JsonNode value = client.get("/get-session").json().get("session").get("activeOrganizationId");
        return value == null || value.isNull() ? null : value.asString();
    }
}
