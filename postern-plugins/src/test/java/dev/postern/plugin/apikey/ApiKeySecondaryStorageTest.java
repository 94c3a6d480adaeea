package dev.postern.plugin.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.storage.InMemorySecondaryStorage;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code storage: "secondary-storage"}: keys under better-auth's secondary-storage keys, alone or in front
 * of the database ({@code fallbackToDatabase}).
 */
class ApiKeySecondaryStorageTest {

    @Test
    void keysLiveInSecondaryStorageOnly() {
        InMemorySecondaryStorage storage = new InMemorySecondaryStorage();
        ApiKeyOptions options = ApiKeyOptions.defaults().withStorage(ApiKeyOptions.Storage.SECONDARY_STORAGE, false);
        try (ApiKeyFixture app = ApiKeyFixture.start(TestDatabase.SQLITE, options, c -> c.secondaryStorage(storage))) {
            TestClient ada = app.user("ada@example.com");
            JsonNode created = ada.postJson("/api-key/create", Map.of("name", "cache")).assertStatus(200).json();
            String id = created.get("id").asString();
            String key = created.get("key").asString();

            assertThat(app.exists(id)).as("nothing in the database").isFalse();
            assertThat(storage.get("api-key:" + ApiKeyHasher.hash(key))).isPresent();
            assertThat(storage.get("api-key:by-id:" + id)).isPresent();
            assertThat(storage.get("api-key:by-ref:" + app.userId(ada)).orElseThrow()).contains(id);
            assertThat(ada.get("/api-key/list").json().get("apiKeys").get(0).get("name").asString()).isEqualTo("cache");
            assertThat(app.verify(key).key().get("requestCount")).isEqualTo(1L);
            assertThat(ada.get("/api-key/get?id=" + id).json().get("requestCount").asLong()).isEqualTo(1);
            ada.postJson("/api-key/update", Map.of("keyId", id, "name", "renamed")).assertStatus(200);
            assertThat(ada.get("/api-key/get?id=" + id).json().get("name").asString()).isEqualTo("renamed");

            ada.postJson("/api-key/delete", Map.of("keyId", id)).assertStatus(200);

            assertThat(storage.get("api-key:by-id:" + id)).isEmpty();
            assertThat(app.verify(key).errorCode()).isEqualTo("INVALID_API_KEY");
            assertThat(ada.get("/api-key/list").json().get("total").asInt()).isZero();
        }
    }

    @Test
    void fallbackToDatabaseKeepsTheDatabaseAsTruthAndCachesRows() {
        InMemorySecondaryStorage storage = new InMemorySecondaryStorage();
        ApiKeyOptions options = ApiKeyOptions.defaults().withStorage(ApiKeyOptions.Storage.SECONDARY_STORAGE, true);
        try (ApiKeyFixture app = ApiKeyFixture.start(TestDatabase.SQLITE, options, c -> c.secondaryStorage(storage))) {
            String userId = app.userId(app.user("ada@example.com"));
            JsonNode created = app.createOnServer(userId, Map.of("remaining", 2, "rateLimitEnabled", false));
            String id = created.get("id").asString();
            String key = created.get("key").asString();

            assertThat(app.exists(id)).isTrue();
            assertThat(storage.get("api-key:by-id:" + id)).isPresent();
            assertThat(app.verify(key).valid()).isTrue();
            assertThat(app.stored(id).number("remaining")).isEqualTo(1L);
            assertThat(storage.get("api-key:by-id:" + id).orElseThrow()).contains("\"remaining\":1");
            assertThat(app.verify(key).valid()).isTrue();
            assertThat(app.verify(key).errorCode()).isEqualTo("USAGE_EXCEEDED");
            assertThat(app.exists(id)).isFalse();
            assertThat(storage.get("api-key:by-id:" + id)).isEmpty();
        }
    }
}
