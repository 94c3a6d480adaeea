package dev.postern.plugin.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.json.Json;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestResponse;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code enableSessionForAPIKeys}: a key in {@code x-api-key} (or the configured headers) authenticates
 * any request as its owner, with no cookie, as better-auth's before-hook does; a bad key fails the
 * request with better-auth's code.
 */
class ApiKeySessionTest {

    @SqliteAndPostgres
    void apiKeyHeaderActsAsTheOwnersSession(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults().withEnableSessionForAPIKeys(true))) {
            String userId = app.userId(app.user("ada@example.com"));
            JsonNode created = app.createOnServer(userId, Map.of("rateLimitEnabled", false));
            String key = created.get("key").asString();

            JsonNode session = get(app, "/get-session", "x-api-key", key).assertStatus(200).json();
            assertThat(session.get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(session.get("session").get("id").asString()).isEqualTo(created.get("id").asString());
            assertThat(session.get("session").get("userId").asString()).isEqualTo(userId);

            post(app, "/update-user", Map.of("name", "By key"), key).assertStatus(200);
            assertThat(app.auth.postern().users().findById(userId).orElseThrow().string("name")).isEqualTo("By key");
            JsonNode keys = get(app, "/api-key/list", "x-api-key", key).assertStatus(200).json();
            assertThat(keys.get("total").asInt()).isEqualTo(1);
        }
    }

    @SqliteAndPostgres
    void badKeysFailTheRequest(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults().withEnableSessionForAPIKeys(true))) {
            String userId = app.userId(app.user("ada@example.com"));
            String limited = app.createOnServer(userId, Map.of("remaining", 1, "rateLimitEnabled", false)).get("key").asString();

            get(app, "/get-session", "x-api-key", "short").assertError(403, "INVALID_API_KEY");
            get(app, "/get-session", "x-api-key", "a".repeat(64)).assertError(401, "INVALID_API_KEY");
            get(app, "/get-session", "x-api-key", limited).assertStatus(200);
            get(app, "/get-session", "x-api-key", limited).assertError(429, "USAGE_EXCEEDED");
        }
    }

    @SqliteAndPostgres
    void configuredHeadersAreReadAndOthersIgnored(TestDatabase database) {
        ApiKeyOptions d = ApiKeyOptions.defaults();
        ApiKeyOptions options = new ApiKeyOptions(List.of("x-service-key"), d.defaultKeyLength(), d.defaultPrefix(),
                d.minimumPrefixLength(), d.maximumPrefixLength(), d.minimumNameLength(), d.maximumNameLength(),
                d.requireName(), d.enableMetadata(), d.disableKeyHashing(), d.storage(), d.fallbackToDatabase(), true,
                d.references(), d.rateLimit(), d.keyExpiration(), d.startingCharacters(), d.defaultPermissions());
        try (ApiKeyFixture app = ApiKeyFixture.start(database, options)) {
            String userId = app.userId(app.user("ada@example.com"));
            String key = app.createOnServer(userId, Map.of()).get("key").asString();

            assertThat(get(app, "/get-session", "x-service-key", key).json().get("user").get("id").asString()).isEqualTo(userId);
            assertThat(get(app, "/get-session", "x-api-key", key).body()).isEqualTo("null");
        }
    }

    @SqliteAndPostgres
    void withoutTheOptionTheHeaderAuthenticatesNobody(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            String key = app.createOnServer(userId, Map.of()).get("key").asString();

            assertThat(get(app, "/get-session", "x-api-key", key).body()).isEqualTo("null");
        }
    }

    private static TestResponse get(ApiKeyFixture app, String path, String header, String key) {
        return app.auth.client().origin(null).send(app.auth.client().builder(path).header(header, key).GET());
    }

    private static TestResponse post(ApiKeyFixture app, String path, Object body, String key) {
        return app.auth.client().origin(null).send(app.auth.client().builder(path)
                .header("x-api-key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }
}
