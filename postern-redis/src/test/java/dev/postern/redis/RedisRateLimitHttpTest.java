package dev.postern.redis;

import dev.postern.testkit.LocalRedis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.ratelimit.RateLimitSettings;
import dev.postern.ratelimit.RateLimitStorageType;
import dev.postern.storage.SecondaryStorage;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * Rate limiting kept in Redis over real HTTP (better-auth-wire.md §9.4, secondary-storage mode): the counter
 * lives in Redis, so two Postern instances sharing it share one limit; and an unreachable Redis answers
 * {@code 503 SECONDARY_STORAGE_UNAVAILABLE} instead of a 500.
 */
class RedisRateLimitHttpTest {

    private static TestPostern start(SecondaryStorage storage) {
        return TestPostern.builder().plugins(new CountedProbePlugin())
                .configure(b -> b.secondaryStorage(storage)
                        .rateLimit(RateLimitSettings.builder().storage(RateLimitStorageType.SECONDARY_STORAGE).build()))
                .start();
    }

    private static TestResponse probe(TestClient client, String forwardedFor) {
        return client.send(client.builder(CountedProbePlugin.PATH)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    @Test
    void twoInstancesSharingRedisShareOneLimitAndTheNextRequestIs429() {
        LocalRedis.assumeAvailable();
        // A random benchmark-range address: a fresh counter in the shared Redis, deleted afterwards.
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String client = "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
        try (RedisSecondaryStorage storage = new RedisSecondaryStorage(LocalRedis.URL);
             TestPostern first = start(storage);
             TestPostern second = start(storage)) {
            probe(first.client(), client).assertStatus(200);
            probe(second.client(), client).assertStatus(200);
            probe(first.client(), client).assertStatus(200);

            TestResponse denied = probe(second.client(), client);

            denied.assertStatus(429);
            assertThat(denied.header("X-Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
            assertThat(storage.get(client + "|" + CountedProbePlugin.PATH)).contains("4");
            storage.delete(client + "|" + CountedProbePlugin.PATH);
        }
    }

    @Test
    void anUnreachableRedisAnswers503WithItsCode() {
        try (RedisSecondaryStorage storage = new RedisSecondaryStorage("redis://127.0.0.1:1");
             TestPostern auth = start(storage)) {
            probe(auth.client(), "203.0.113.9").assertError(503, "SECONDARY_STORAGE_UNAVAILABLE");
        }
    }
}
