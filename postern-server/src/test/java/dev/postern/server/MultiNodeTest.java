package dev.postern.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.server.cli.CliEnvironment;
import dev.postern.testkit.LocalRedis;
import dev.postern.testkit.RedisServerProcess;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two real Postern servers on different ports, as two stateless nodes behind a load balancer: one
 * PostgreSQL database, one Redis, one secret, one public base URL. Whatever one node does, the other sees on
 * the very next request; and a Redis outage is a clear 503 plus a failing readiness probe, healed without a
 * restart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MultiNodeTest {
    private static final String SECRET = "multi-node-test-secret-that-is-long-enough-0123456789";
    private static final String PUBLIC_URL = "http://auth.multi-node.test";
    private static final String PASSWORD = "correct horse battery";
    private static final String SESSION_COOKIE = "better-auth.session_token";

    @TempDir
    Path dir;

    private StandaloneServer node(String name, String databaseUrl, String redisUrl, boolean migrate) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        CliEnvironment env = TestEnvironments.in(home,
                "POSTERN_DATABASE_URL", databaseUrl,
                "POSTERN_REDIS_URL", redisUrl,
                "POSTERN_SECRET", SECRET,
                "POSTERN_BASE_URL", PUBLIC_URL);
        return StandaloneServer.start(env.settings(Optional.empty()), env.plugins(),
                new StandaloneServer.Options(migrate, Optional.of(Instant.now())));
    }

    /** A browser of the app talking to {@code node} directly, as the load balancer would route it. */
    private static TestClient browser(StandaloneServer node) {
        return TestClient.of(node.uri() + "/api/auth", PUBLIC_URL);
    }

    private static String email(String what) {
        return what + "-" + dev.postern.crypto.Ids.random(10, "abcdefghijklmnopqrstuvwxyz") + "@example.com";
    }

    private static String randomIp() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static TestResponse signIn(TestClient client, String email, String ip) {
        return client.send(client.builder("/sign-in/email").header("Content-Type", "application/json")
                .header("X-Forwarded-For", ip)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")));
    }

    @Test
    void sessionsUsersRevocationsAndRateLimitsAreSharedByBothNodes() throws Exception {
        LocalRedis.assumeAvailable();
        TestDatabase.Instance database = TestDatabase.POSTGRES.create();
        try (StandaloneServer a = node("a", database.url(), LocalRedis.URL, true);
             StandaloneServer b = node("b", database.url(), LocalRedis.URL, false)) {
            String email = email("nodes");
            TestClient onA = browser(a);
            onA.postJson("/sign-up/email", Map.of("email", email, "password", PASSWORD, "name", "Ada")).assertStatus(200);

            // The same browser, its next request routed to B.
            TestClient onB = browser(b).cookie(SESSION_COOKIE, onA.cookie(SESSION_COOKIE));
            JsonNode onBSession = onB.get("/get-session").assertStatus(200).json();
            assertThat(onBSession.get("user").get("email").asString()).isEqualTo(email);

            // A second device signs in on B with the user created on A.
            String ip = randomIp();
            TestClient phoneOnB = browser(b);
            signIn(phoneOnB, email, ip).assertStatus(200);
            TestClient phoneOnA = browser(a).cookie(SESSION_COOKIE, phoneOnB.cookie(SESSION_COOKIE));
            assertThat(phoneOnA.get("/get-session").json().get("user").get("email").asString()).isEqualTo(email);

            // Revoked on B, rejected by A at once.
            onB.postJson("/revoke-other-sessions", Map.of()).assertStatus(200);
            assertThat(phoneOnA.get("/get-session").body()).isEqualTo("null");
            onB.postJson("/sign-out", Map.of()).assertStatus(200);
            assertThat(onA.get("/get-session").body()).isEqualTo("null");

            // better-auth's sign-in limit (3 per 10 s per client) counts on both nodes together.
            String attacker = randomIp();
            signIn(browser(a), email, attacker).assertStatus(200);
            signIn(browser(b), email, attacker).assertStatus(200);
            signIn(browser(a), email, attacker).assertStatus(200);
            signIn(browser(b), email, attacker).assertStatus(429);
        } finally {
            database.drop();
        }
    }

    @Test
    void aRedisOutageIsA503AndAFailingReadinessProbeUntilRedisReturns() throws Exception {
        TestDatabase.Instance database = TestDatabase.POSTGRES.create();
        try (RedisServerProcess redis = RedisServerProcess.onSparePort()) {
            redis.start();
            try (StandaloneServer node = node("solo", database.url(), redis.url(), true)) {
                TestClient health = TestClient.of(node.uri().toString(), null);
                String email = email("outage");
                String ip = randomIp();
                TestClient browser = browser(node);
                browser.postJson("/sign-up/email", Map.of("email", email, "password", PASSWORD, "name", "Ada"))
                        .assertStatus(200);
                assertThat(health.get("/health/ready").assertStatus(200).json().get("checks").get("secondaryStorage")
                        .asString()).isEqualTo("ok");

                redis.stop();

                browser.get("/get-session").assertError(503, "SECONDARY_STORAGE_UNAVAILABLE");
                signIn(browser(node), email, ip).assertError(503, "SECONDARY_STORAGE_UNAVAILABLE");
                JsonNode down = health.get("/health/ready").assertStatus(503).json();
                assertThat(down.get("status").asString()).isEqualTo("unavailable");
                assertThat(down.get("checks").get("database").asString()).isEqualTo("ok");
                assertThat(down.get("checks").get("secondaryStorage").asString()).isEqualTo("unavailable");
                health.get("/health/live").assertStatus(200);

                redis.start();

                // The restarted Redis is empty (no persistence): the old session is gone, signing in works again.
                eventually(() -> health.get("/health/ready").status() == 200);
                TestClient again = browser(node);
                eventually(() -> signIn(again, email, randomIp()).status() == 200);
                assertThat(again.get("/get-session").json().get("user").get("email").asString()).isEqualTo(email);
            }
        } finally {
            database.drop();
        }
    }

    /** Polls a condition for up to 30 s, 100 ms apart. */
    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
