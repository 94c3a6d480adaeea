package dev.postern.plugin.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Row;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The api-key routes over HTTP as better-auth's client calls them (wire reference §12 "api-key"):
 * create returns the key once and stores only its hash, get/list/update/delete work on the caller's own
 * keys, and every refusal carries better-auth's status and code.
 */
class ApiKeyEndpointsTest {

    @SqliteAndPostgres
    void createReturnsTheKeyOnceAndStoresItsHash(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            TestClient ada = app.user("ada@example.com");

            JsonNode created = ada.postJson("/api-key/create", Map.of("name", "ci", "prefix", "pk_"))
                    .assertStatus(200).json();

            String key = created.get("key").asString();
            assertThat(key).startsWith("pk_").hasSize(3 + 64).matches("pk_[a-zA-Z]{64}");
            assertThat(created.get("start").asString()).isEqualTo(key.substring(0, 6));
            assertThat(created.get("name").asString()).isEqualTo("ci");
            assertThat(created.get("prefix").asString()).isEqualTo("pk_");
            assertThat(created.get("referenceId").asString()).isEqualTo(app.userId(ada));
            assertThat(created.get("enabled").asBoolean()).isTrue();
            assertThat(created.get("rateLimitEnabled").asBoolean()).isTrue();
            assertThat(created.get("rateLimitMax").asLong()).isEqualTo(10);
            assertThat(created.get("rateLimitTimeWindow").asLong()).isEqualTo(86_400_000L);
            assertThat(created.get("requestCount").asLong()).isZero();
            assertThat(created.get("remaining").isNull()).isTrue();
            assertThat(created.get("expiresAt").isNull()).isTrue();
            assertThat(created.get("configId").asString()).isEqualTo("default");
            Row stored = app.stored(created.get("id").asString());
            assertThat(stored.string("key")).isEqualTo(ApiKeyHasher.hash(key)).isNotEqualTo(key);

            JsonNode fetched = ada.get("/api-key/get?id=" + created.get("id").asString()).assertStatus(200).json();
            assertThat(fetched.has("key")).isFalse();
            assertThat(fetched.get("name").asString()).isEqualTo("ci");
        }
    }

    @SqliteAndPostgres
    void createWithExpiryAndMetadataWhenEnabled(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults().withEnableMetadata(true))) {
            TestClient ada = app.user("ada@example.com");
            Instant before = Instant.now();

            JsonNode created = ada.postJson("/api-key/create", Map.of("expiresIn", 2 * 86_400,
                    "metadata", Map.of("team", "infra", "tier", 2))).assertStatus(200).json();

            Instant expiresAt = Instant.parse(created.get("expiresAt").asString());
            assertThat(expiresAt).isBetween(before.plus(Duration.ofDays(2)).minusSeconds(1),
                    Instant.now().plus(Duration.ofDays(2)).plusSeconds(1));
            assertThat(created.get("metadata").get("team").asString()).isEqualTo("infra");
            JsonNode listed = ada.get("/api-key/list").assertStatus(200).json();
            assertThat(listed.get("apiKeys").get(0).get("metadata").get("tier").asInt()).isEqualTo(2);
            assertThat(app.stored(created.get("id").asString()).string("metadata")).contains("\"team\":\"infra\"");
        }
    }

    @SqliteAndPostgres
    void createRefusesWhatBetterAuthRefuses(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            app.auth.client().postJson("/api-key/create", Map.of()).assertError(401, "UNAUTHORIZED_SESSION");
            TestClient ada = app.user("ada@example.com");

            for (Map.Entry<String, Object> serverOnly : Map.<String, Object>of("remaining", 5, "refillAmount", 1,
                    "refillInterval", 1000, "rateLimitMax", 3, "rateLimitTimeWindow", 1000, "rateLimitEnabled", false,
                    "permissions", Map.of("files", List.of("read"))).entrySet()) {
                ada.postJson("/api-key/create", Map.of(serverOnly.getKey(), serverOnly.getValue()))
                        .assertError(400, "SERVER_ONLY_PROPERTY");
            }
            ada.postJson("/api-key/create", Map.of("userId", "someone-else")).assertError(401, "UNAUTHORIZED_SESSION");
            ada.postJson("/api-key/create", Map.of("metadata", Map.of("a", 1))).assertError(400, "METADATA_DISABLED");
            ada.postJson("/api-key/create", Map.of("expiresIn", 3600)).assertError(400, "EXPIRES_IN_IS_TOO_SMALL");
            ada.postJson("/api-key/create", Map.of("expiresIn", 366 * 86_400)).assertError(400, "EXPIRES_IN_IS_TOO_LARGE");
            ada.postJson("/api-key/create", Map.of("prefix", "p".repeat(33))).assertError(400, "INVALID_PREFIX_LENGTH");
            ada.postJson("/api-key/create", Map.of("prefix", "no spaces")).assertError(400, "VALIDATION_ERROR");
            ada.postJson("/api-key/create", Map.of("name", "n".repeat(33))).assertError(400, "INVALID_NAME_LENGTH");
            ada.postJson("/api-key/create", Map.of("expiresIn", 0)).assertError(400, "VALIDATION_ERROR");

            assertThat(ada.get("/api-key/list").json().get("total").asInt()).isZero();
        }
    }

    @SqliteAndPostgres
    void ownersSeeOnlyTheirOwnKeys(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            TestClient ada = app.user("ada@example.com");
            TestClient bob = app.user("bob@example.com");
            String adaKey = ada.postJson("/api-key/create", Map.of("name", "a1")).json().get("id").asString();
            ada.postJson("/api-key/create", Map.of("name", "a2")).assertStatus(200);
            bob.postJson("/api-key/create", Map.of("name", "b1")).assertStatus(200);

            JsonNode adaList = ada.get("/api-key/list?sortBy=name&sortDirection=desc").assertStatus(200).json();
            assertThat(adaList.get("total").asInt()).isEqualTo(2);
            assertThat(adaList.get("apiKeys").valueStream().map(k -> k.get("name").asString())).containsExactly("a2", "a1");
            assertThat(adaList.get("apiKeys").valueStream().noneMatch(k -> k.has("key"))).isTrue();
            JsonNode page = ada.get("/api-key/list?sortBy=name&limit=1&offset=1").assertStatus(200).json();
            assertThat(page.get("apiKeys").valueStream().map(k -> k.get("name").asString())).containsExactly("a2");
            assertThat(page.get("total").asInt()).isEqualTo(2);
            assertThat(page.get("limit").asInt()).isEqualTo(1);

            bob.get("/api-key/get?id=" + adaKey).assertError(404, "KEY_NOT_FOUND");
            bob.postJson("/api-key/update", Map.of("keyId", adaKey, "name", "mine")).assertError(404, "KEY_NOT_FOUND");
            bob.postJson("/api-key/delete", Map.of("keyId", adaKey)).assertError(404, "KEY_NOT_FOUND");
            ada.get("/api-key/get?id=no-such-key").assertError(404, "KEY_NOT_FOUND");
            app.auth.client().get("/api-key/list").assertError(401, "UNAUTHORIZED");
            app.auth.client().get("/api-key/get?id=" + adaKey).assertError(401, "UNAUTHORIZED");
            assertThat(app.stored(adaKey).string("name")).isEqualTo("a1");
        }
    }

    @SqliteAndPostgres
    void updateChangesClientFieldsAndRefusesServerOnlyOnes(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            TestClient ada = app.user("ada@example.com");
            String id = ada.postJson("/api-key/create", Map.of("name", "old")).json().get("id").asString();

            JsonNode updated = ada.postJson("/api-key/update", Map.of("keyId", id, "name", "new", "enabled", false))
                    .assertStatus(200).json();

            assertThat(updated.get("name").asString()).isEqualTo("new");
            assertThat(updated.get("enabled").asBoolean()).isFalse();
            assertThat(updated.has("key")).isFalse();
            assertThat(app.stored(id).bool("enabled")).isFalse();
            ada.postJson("/api-key/update", Map.of("keyId", id)).assertError(400, "NO_VALUES_TO_UPDATE");
            ada.postJson("/api-key/update", Map.of("keyId", id, "remaining", 100)).assertError(400, "SERVER_ONLY_PROPERTY");
            ada.postJson("/api-key/update", Map.of("keyId", id, "rateLimitEnabled", false))
                    .assertError(400, "SERVER_ONLY_PROPERTY");
            ada.postJson("/api-key/update", Map.of("keyId", id, "name", "")).assertError(400, "INVALID_NAME_LENGTH");
            ada.postJson("/api-key/update", Map.of("keyId", id, "expiresIn", 60)).assertError(400, "EXPIRES_IN_IS_TOO_SMALL");
            app.auth.client().postJson("/api-key/update", Map.of("keyId", id, "name", "x"))
                    .assertError(401, "UNAUTHORIZED_SESSION");
        }
    }

    @SqliteAndPostgres
    void serverMaySetUsageLimitsAndPermissions(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));

            JsonNode created = app.createOnServer(userId, Map.of("remaining", 3, "refillAmount", 3,
                    "refillInterval", 60_000, "rateLimitEnabled", false, "permissions", Map.of("files", List.of("read"))));
            Map<String, Object> update = new HashMap<>(Map.of("keyId", created.get("id").asString(), "userId", userId,
                    "remaining", 7, "permissions", Map.of("files", List.of("read", "write"))));
            Object updated = app.auth.postern().api().call("updateApiKey",
                    dev.postern.PosternApi.ApiCall.body(update)).value();

            assertThat(created.get("remaining").asLong()).isEqualTo(3);
            assertThat(created.get("permissions").get("files").get(0).asString()).isEqualTo("read");
            JsonNode after = dev.postern.json.Json.valueToTree(updated);
            assertThat(after.get("remaining").asLong()).isEqualTo(7);
            assertThat(after.get("permissions").get("files").valueStream().map(JsonNode::asString))
                    .containsExactly("read", "write");
            assertThat(app.stored(created.get("id").asString()).string("permissions")).isEqualTo("{\"files\":[\"read\",\"write\"]}");
        }
    }

    @SqliteAndPostgres
    void deleteRemovesTheKeySoItNoLongerVerifies(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            TestClient ada = app.user("ada@example.com");
            JsonNode created = ada.postJson("/api-key/create", Map.of()).json();
            String id = created.get("id").asString();

            ada.postJson("/api-key/delete", Map.of("keyId", id)).assertStatus(200);

            assertThat(app.exists(id)).isFalse();
            assertThat(app.verify(created.get("key").asString()).errorCode()).isEqualTo("INVALID_API_KEY");
            ada.postJson("/api-key/delete", Map.of("keyId", id)).assertError(404, "KEY_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void verifyAndDeleteAllExpiredAreServerOnly(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            TestClient ada = app.user("ada@example.com");

            assertThat(ada.postJson("/api-key/verify", Map.of("key", "x")).status()).isEqualTo(404);
            assertThat(ada.postJson("/api-key/delete-all-expired-api-keys", Map.of()).status()).isEqualTo(404);
        }
    }
}
