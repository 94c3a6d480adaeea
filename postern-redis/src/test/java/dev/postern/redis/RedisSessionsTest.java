package dev.postern.redis;

import dev.postern.testkit.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.json.Json;
import dev.postern.plugin.CorePlugins;
import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.schema.CoreSchema;
import dev.postern.session.SessionSettings;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Sessions in Redis with better-auth's key layout (wire reference §6): the token as key holding
 * {@code {session, user}}, {@code active-sessions-<userId>}, no row in the session table unless
 * {@code storeSessionInDatabase}; every revocation path holds on the very next request.
 */
class RedisSessionsTest {
    private static final String PASSWORD = "correct horse battery";

    private static TestPostern start(TestDatabase database, RedisSecondaryStorage redis,
                                     UnaryOperator<SessionSettings.Builder> session) {
        // Rate limits would live in the shared Redis too and count across tests; they have tests of their own.
        return TestPostern.builder().database(database)
                .configure(b -> b.plugins(CorePlugins.defaults()).secondaryStorage(redis)
                        .rateLimit(RateLimitSettings.disabled())
                        .session(session.apply(SessionSettings.builder()).build()))
                .start();
    }

    /** Signs a new user up on {@code client}; returns the sign-up response. */
    private static JsonNode signUp(TestClient client, String email) {
        return client.postJson("/sign-up/email", Map.of("email", email, "password", PASSWORD, "name", "Ada"))
                .assertStatus(200).json();
    }

    private static JsonNode signIn(TestClient client, String email) {
        return client.postJson("/sign-in/email", Map.of("email", email, "password", PASSWORD)).assertStatus(200).json();
    }

    private static String email(String what) {
        return what + "-" + dev.postern.crypto.Ids.random(10, "abcdefghijklmnopqrstuvwxyz") + "@example.com";
    }

    private static long sessionRows(TestPostern auth, String userId) {
        return auth.postern().store().count(CoreSchema.SESSION, Where.eq("userId", userId));
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void aSessionIsStoredUnderItsTokenAndListedForItsUserButNotInTheTable(TestDatabase database) {
        LocalRedis.assumeAvailable();
        try (RedisSecondaryStorage redis = new RedisSecondaryStorage(LocalRedis.URL);
             TestPostern auth = start(database, redis, b -> b)) {
            TestClient browser = auth.client();
            JsonNode signedUp = signUp(browser, email("layout"));
            String token = signedUp.get("token").asString();
            String userId = signedUp.get("user").get("id").asString();

            JsonNode entry = Json.parse(redis.get(token).orElseThrow());
            JsonNode active = Json.parse(redis.get("active-sessions-" + userId).orElseThrow());
            JsonNode session = browser.get("/get-session").assertStatus(200).json();

            assertThat(entry.propertyNames()).containsExactly("session", "user");
            assertThat(entry.get("session").get("token").asString()).isEqualTo(token);
            assertThat(entry.get("session").get("id").asString()).isNotBlank();
            assertThat(entry.get("session").get("expiresAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\.\\d{3}Z");
            assertThat(entry.get("user").get("id").asString()).isEqualTo(userId);
            assertThat(active).hasSize(1);
            assertThat(active.get(0).get("token").asString()).isEqualTo(token);
            assertThat(active.get(0).get("expiresAt").isNumber()).isTrue();
            assertThat(session.get("session").get("token").asString()).isEqualTo(token);
            assertThat(session.get("user").get("id").asString()).isEqualTo(userId);
            assertThat(sessionRows(auth, userId)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void revokeSessionRevokeSessionsAndListSessionsWorkFromRedis(TestDatabase database) {
        LocalRedis.assumeAvailable();
        try (RedisSecondaryStorage redis = new RedisSecondaryStorage(LocalRedis.URL);
             TestPostern auth = start(database, redis, b -> b)) {
            String email = email("revoke");
            TestClient laptop = auth.client();
            TestClient phone = auth.client();
            TestClient tablet = auth.client();
            String userId = signUp(laptop, email).get("user").get("id").asString();
            String phoneToken = signIn(phone, email).get("token").asString();
            signIn(tablet, email);

            assertThat(laptop.get("/list-sessions").assertStatus(200).json()).hasSize(3);
            laptop.postJson("/revoke-session", Map.of("token", phoneToken)).assertStatus(200);
            assertThat(phone.get("/get-session").assertStatus(200).body()).isEqualTo("null");
            assertThat(redis.get(phoneToken)).isEmpty();
            assertThat(laptop.get("/list-sessions").json()).hasSize(2);

            laptop.postJson("/revoke-sessions", Map.of()).assertStatus(200);

            assertThat(tablet.get("/get-session").body()).isEqualTo("null");
            assertThat(laptop.get("/get-session").body()).isEqualTo("null");
            assertThat(redis.get("active-sessions-" + userId)).isEmpty();
            assertThat(redis.get("revoked-sessions-before-" + userId)).isPresent();
            // Signing in again after a revoke-everything works: the marker only covers older sessions.
            signIn(laptop, email);
            assertThat(laptop.get("/get-session").json().get("user").get("id").asString()).isEqualTo(userId);
        }
    }

    @Test
    void signOutAndChangePasswordWithRevokeOtherSessionsHoldOnTheNextRequest() {
        LocalRedis.assumeAvailable();
        try (RedisSecondaryStorage redis = new RedisSecondaryStorage(LocalRedis.URL);
             TestPostern auth = start(TestDatabase.SQLITE, redis, b -> b)) {
            String email = email("password");
            TestClient laptop = auth.client();
            TestClient phone = auth.client();
            TestClient tablet = auth.client();
            signUp(laptop, email);
            String phoneToken = signIn(phone, email).get("token").asString();
            signIn(tablet, email);

            tablet.postJson("/sign-out", Map.of()).assertStatus(200);
            laptop.postJson("/change-password", Map.of("currentPassword", PASSWORD, "newPassword", "another good password",
                    "revokeOtherSessions", true)).assertStatus(200);

            assertThat(tablet.get("/get-session").body()).isEqualTo("null");
            assertThat(phone.get("/get-session").body()).isEqualTo("null");
            assertThat(redis.get(phoneToken)).isEmpty();
            assertThat(laptop.get("/get-session").json().get("user").get("email").asString()).isEqualTo(email);
        }
    }

    @Test
    void updatingTheUserRewritesTheCopyKeptWithEverySession() {
        LocalRedis.assumeAvailable();
        try (RedisSecondaryStorage redis = new RedisSecondaryStorage(LocalRedis.URL);
             TestPostern auth = start(TestDatabase.SQLITE, redis, b -> b)) {
            String email = email("rename");
            TestClient laptop = auth.client();
            TestClient phone = auth.client();
            signUp(laptop, email);
            String phoneToken = signIn(phone, email).get("token").asString();

            laptop.postJson("/update-user", Map.of("name", "Grace")).assertStatus(200);

            assertThat(phone.get("/get-session").json().get("user").get("name").asString()).isEqualTo("Grace");
            assertThat(Json.parse(redis.get(phoneToken).orElseThrow()).get("user").get("name").asString()).isEqualTo("Grace");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void storeSessionInDatabaseWritesThroughAndTheTableAnswersForAMissingKey(TestDatabase database) {
        LocalRedis.assumeAvailable();
        try (RedisSecondaryStorage redis = new RedisSecondaryStorage(LocalRedis.URL);
             TestPostern auth = start(database, redis, b -> b.storeInDatabase(true))) {
            TestClient browser = auth.client();
            JsonNode signedUp = signUp(browser, email("through"));
            String token = signedUp.get("token").asString();
            String userId = signedUp.get("user").get("id").asString();
            String storedId = auth.postern().store().findOne(CoreSchema.SESSION, Where.eq("token", token)).orElseThrow().id();

            assertThat(Json.parse(redis.get(token).orElseThrow()).get("session").get("id").asString()).isEqualTo(storedId);
            redis.delete(token);
            assertThat(browser.get("/get-session").json().get("session").get("id").asString()).isEqualTo(storedId);

            browser.postJson("/revoke-sessions", Map.of()).assertStatus(200);

            assertThat(browser.get("/get-session").body()).isEqualTo("null");
            assertThat(sessionRows(auth, userId)).isZero();
        }
    }

    @Test
    void preserveSessionInDatabaseKeepsARevokedRowExpiredAndNeverServesIt() {
        LocalRedis.assumeAvailable();
        try (RedisSecondaryStorage redis = new RedisSecondaryStorage(LocalRedis.URL);
             TestPostern auth = start(TestDatabase.SQLITE, redis, b -> b.storeInDatabase(true).preserveInDatabase(true))) {
            TestClient browser = auth.client();
            String token = signUp(browser, email("audit")).get("token").asString();

            browser.postJson("/sign-out", Map.of()).assertStatus(200);

            var row = auth.postern().store().findOne(CoreSchema.SESSION, Where.eq("token", token)).orElseThrow();
            assertThat(row.instant("expiresAt")).isBeforeOrEqualTo(java.time.Instant.now());
            assertThat(redis.get(token)).isEmpty();
        }
    }

    @Test
    void withRedisDownTheTableServesSessionsButRevocationsAnswer503() {
        try (RedisSecondaryStorage down = new RedisSecondaryStorage("redis://127.0.0.1:1");
             TestPostern auth = start(TestDatabase.SQLITE, down, b -> b.storeInDatabase(true))) {
            TestClient browser = auth.client();
            String userId = signUp(browser, email("outage")).get("user").get("id").asString();

            assertThat(browser.get("/get-session").json().get("user").get("id").asString()).isEqualTo(userId);
            browser.postJson("/revoke-sessions", Map.of()).assertError(503, "SECONDARY_STORAGE_UNAVAILABLE");
            assertThat(sessionRows(auth, userId)).as("a failed revocation leaves the table untouched").isEqualTo(1);
        }
    }

    @Test
    void withRedisDownAndNoTableCopySignUpAnswers503() {
        try (RedisSecondaryStorage down = new RedisSecondaryStorage("redis://127.0.0.1:1");
             TestPostern auth = start(TestDatabase.SQLITE, down, b -> b)) {
            TestClient browser = auth.client();

            browser.postJson("/sign-up/email", Map.of("email", email("nodb"), "password", PASSWORD, "name", "Ada"))
                    .assertError(503, "SECONDARY_STORAGE_UNAVAILABLE");
        }
    }
}
