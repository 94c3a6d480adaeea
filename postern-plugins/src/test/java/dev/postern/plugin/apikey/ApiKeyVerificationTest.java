package dev.postern.plugin.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.PosternApi.ApiCall;
import dev.postern.json.Json;
import dev.postern.store.Row;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Verification as better-auth's {@code validateApiKey} does it: the hash lookup, disabled, expired and
 * used-up keys, permissions, refills and the per-key rate limit, through the Java API and the
 * server-only {@code verifyApiKey} endpoint.
 */
class ApiKeyVerificationTest {

    @Test
    void hashIsBetterAuthsDefaultKeyHasher() {
        // base64url_nopad(SHA-256("abc")), the FIPS 180-2 test vector, as better-auth's defaultKeyHasher gives it.
        assertThat(ApiKeyHasher.hash("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @SqliteAndPostgres
    void keyStoredAsBetterAuthStoresItVerifies(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            // A row as better-auth's adapter writes it, hashed independently of Postern's code.
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("configId", "default");
            row.put("referenceId", userId);
            row.put("key", "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
            row.put("start", "abc");
            row.put("enabled", true);
            row.put("rateLimitEnabled", true);
            row.put("rateLimitTimeWindow", 86_400_000L);
            row.put("rateLimitMax", 10L);
            row.put("requestCount", 0L);
            row.put("createdAt", Instant.now());
            row.put("updatedAt", Instant.now());
            app.auth.postern().store().create("apikey", row);

            ApiKeyVerification result = app.verify("abc");

            assertThat(result.valid()).isTrue();
            assertThat(result.key().get("referenceId")).isEqualTo(userId);
            assertThat(result.key()).doesNotContainKey("key");
            assertThat(app.verify("abd").errorCode()).isEqualTo("INVALID_API_KEY");
        }
    }

    @SqliteAndPostgres
    void verifyEndpointAnswersValidErrorAndKey(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            String key = app.createOnServer(userId, Map.of()).get("key").asString();

            JsonNode ok = Json.valueToTree(app.auth.postern().api().call("verifyApiKey",
                    ApiCall.body(Map.of("key", key))).value());
            JsonNode bad = Json.valueToTree(app.auth.postern().api().call("verifyApiKey",
                    ApiCall.body(Map.of("key", key + "x"))).value());

            assertThat(ok.get("valid").asBoolean()).isTrue();
            assertThat(ok.get("error").isNull()).isTrue();
            assertThat(ok.get("key").get("requestCount").asLong()).isEqualTo(1);
            assertThat(ok.get("key").has("key")).isFalse();
            assertThat(bad.get("valid").asBoolean()).isFalse();
            assertThat(bad.get("error").get("code").asString()).isEqualTo("INVALID_API_KEY");
            assertThat(bad.get("error").get("message").asString()).isEqualTo("Invalid API key.");
            assertThat(bad.get("key").isNull()).isTrue();
        }
    }

    @SqliteAndPostgres
    void disabledAndExpiredKeysAreRefusedAndExpiredOnesDeleted(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            JsonNode disabled = app.createOnServer(userId, Map.of());
            app.auth.postern().store().update("apikey", dev.postern.store.Where.eq("id", disabled.get("id").asString()),
                    Map.of("enabled", false));
            JsonNode expired = app.createOnServer(userId, Map.of());
            String expiredId = expired.get("id").asString();
            app.auth.postern().store().update("apikey", dev.postern.store.Where.eq("id", expiredId),
                    Map.of("expiresAt", Instant.now().minusSeconds(5)));

            assertThat(app.verify(disabled.get("key").asString()).errorCode()).isEqualTo("KEY_DISABLED");
            assertThat(app.verify(expired.get("key").asString()).errorCode()).isEqualTo("KEY_EXPIRED");
            assertThat(app.exists(expiredId)).isFalse();
        }
    }

    @SqliteAndPostgres
    void permissionsMustAllBeGranted(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            String key = app.createOnServer(userId, Map.of("rateLimitEnabled", false,
                    "permissions", Map.of("files", List.of("read", "write"), "users", List.of("read")))).get("key").asString();
            String bare = app.createOnServer(userId, Map.of("rateLimitEnabled", false)).get("key").asString();

            assertThat(app.verify(key, Map.of("files", List.of("read"))).valid()).isTrue();
            assertThat(app.verify(key, Map.of("files", List.of("read", "write"), "users", List.of("read"))).valid()).isTrue();
            assertThat(app.verify(key, Map.of("files", List.of("delete"))).errorCode()).isEqualTo("KEY_NOT_FOUND");
            assertThat(app.verify(key, Map.of("billing", List.of("read"))).errorCode()).isEqualTo("KEY_NOT_FOUND");
            assertThat(app.verify(key, Map.of("files", List.of())).errorCode()).isEqualTo("KEY_NOT_FOUND");
            assertThat(app.verify(bare, Map.of("files", List.of("read"))).errorCode()).isEqualTo("KEY_NOT_FOUND");
            assertThat(app.verify(bare).valid()).isTrue();
        }
    }

    @SqliteAndPostgres
    void remainingUsesRunOutAndTheUsedUpKeyIsDeleted(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            JsonNode created = app.createOnServer(userId, Map.of("remaining", 2, "rateLimitEnabled", false));
            String key = created.get("key").asString();

            assertThat(app.verify(key).key().get("remaining")).isEqualTo(1L);
            assertThat(app.verify(key).key().get("remaining")).isEqualTo(0L);
            ApiKeyVerification exhausted = app.verify(key);

            assertThat(exhausted.valid()).isFalse();
            assertThat(exhausted.errorCode()).isEqualTo("USAGE_EXCEEDED");
            assertThat(exhausted.errorMessage()).isEqualTo("API Key has reached its usage limit");
            assertThat(app.exists(created.get("id").asString())).isFalse();
        }
    }

    @SqliteAndPostgres
    void aDueRefillRestoresTheRefillAmount(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            JsonNode created = app.createOnServer(userId, Map.of("remaining", 1, "refillAmount", 5,
                    "refillInterval", 60_000, "rateLimitEnabled", false));
            String key = created.get("key").asString();
            String id = created.get("id").asString();

            assertThat(app.verify(key).key().get("remaining")).isEqualTo(0L);
            assertThat(app.verify(key).errorCode()).isEqualTo("USAGE_EXCEEDED");
            assertThat(app.exists(id)).as("a key that refills is kept").isTrue();
            // A minute later (moved back in time rather than waiting): the refill is due.
            app.auth.postern().store().update("apikey", dev.postern.store.Where.eq("id", id),
                    Map.of("createdAt", Instant.now().minusSeconds(120)));

            ApiKeyVerification refilled = app.verify(key);

            assertThat(refilled.valid()).isTrue();
            assertThat(refilled.key().get("remaining")).isEqualTo(4L);
            assertThat(app.stored(id).instant("lastRefillAt")).isNotNull();
        }
    }

    @SqliteAndPostgres
    void perKeyRateLimitAllowsMaxRequestsPerWindow(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            JsonNode created = app.createOnServer(userId, Map.of("rateLimitMax", 2, "rateLimitTimeWindow", 60_000));
            String key = created.get("key").asString();
            String id = created.get("id").asString();

            assertThat(app.verify(key).key().get("requestCount")).isEqualTo(1L);
            assertThat(app.verify(key).key().get("requestCount")).isEqualTo(2L);
            ApiKeyVerification limited = app.verify(key);

            assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
            assertThat(limited.errorMessage()).isEqualTo("Rate limit exceeded.");
            assertThat(limited.tryAgainInMillis()).isBetween(1L, 60_000L);
            // The window has passed since the last request: counting starts again.
            app.auth.postern().store().update("apikey", dev.postern.store.Where.eq("id", id),
                    Map.of("lastRequest", Instant.now().minusSeconds(61)));
            assertThat(app.verify(key).key().get("requestCount")).isEqualTo(1L);
            Row stored = app.stored(id);
            assertThat(stored.number("requestCount")).isEqualTo(1L);
        }
    }

    @SqliteAndPostgres
    void deleteAllExpiredApiKeysRemovesOnlyExpiredOnes(TestDatabase database) {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            String live = app.createOnServer(userId, Map.of()).get("id").asString();
            String dated = app.createOnServer(userId, Map.of("expiresIn", 2 * 86_400)).get("id").asString();
            String expired = app.createOnServer(userId, Map.of()).get("id").asString();
            app.auth.postern().store().update("apikey", dev.postern.store.Where.eq("id", expired),
                    Map.of("expiresAt", Instant.now().minusSeconds(1)));

            JsonNode result = Json.valueToTree(app.auth.postern().api().call("deleteAllExpiredApiKeys").value());

            assertThat(result.get("success").asBoolean()).isTrue();
            assertThat(app.exists(live)).isTrue();
            assertThat(app.exists(dated)).isTrue();
            assertThat(app.exists(expired)).isFalse();
        }
    }

    @Test
    void disableKeyHashingStoresAndMatchesTheKeyAsGiven() {
        ApiKeyOptions options = ((ApiKeyPlugin) new ApiKeyPluginFactory().create(Map.of("disableKeyHashing", true))).options();
        try (ApiKeyFixture app = ApiKeyFixture.start(TestDatabase.SQLITE, options)) {
            String userId = app.userId(app.user("ada@example.com"));
            JsonNode created = app.createOnServer(userId, Map.of());
            String key = created.get("key").asString();

            assertThat(app.stored(created.get("id").asString()).string("key")).isEqualTo(key);
            assertThat(app.verify(key).valid()).isTrue();
        }
    }
}
