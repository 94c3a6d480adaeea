package dev.postern.plugin.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * 100 verifications of one key at once, on real threads against the real database: a key limited to N
 * uses, or to N requests per window, is accepted exactly N times, never more (the guarded updates of
 * {@link DatabaseApiKeyStore}).
 */
class ApiKeyConcurrencyTest {
    private static final int CALLERS = 100;
    private static final int LIMIT = 7;

    @SqliteAndPostgres
    void hundredConcurrentVerificationsNeverExceedRemainingUses(TestDatabase database) throws Exception {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            String key = app.createOnServer(userId, Map.of("remaining", LIMIT, "rateLimitEnabled", false))
                    .get("key").asString();

            List<ApiKeyVerification> results = verifyConcurrently(app, key);

            assertThat(results.stream().filter(ApiKeyVerification::valid).count()).isEqualTo(LIMIT);
            // Refused for its usage, or, once a verification found it used up and deleted it (as better-auth
            // deletes used-up keys), for not existing any more.
            assertThat(results.stream().filter(r -> !r.valid()).map(ApiKeyVerification::errorCode))
                    .hasSize(CALLERS - LIMIT).isSubsetOf("USAGE_EXCEEDED", "INVALID_API_KEY").contains("USAGE_EXCEEDED");
            assertThat(results.stream().filter(ApiKeyVerification::valid).map(r -> r.key().get("remaining")))
                    .allSatisfy(remaining -> assertThat((Long) remaining).isBetween(0L, (long) LIMIT - 1));
        }
    }

    @SqliteAndPostgres
    void hundredConcurrentVerificationsNeverExceedTheRateLimit(TestDatabase database) throws Exception {
        try (ApiKeyFixture app = ApiKeyFixture.start(database, ApiKeyOptions.defaults())) {
            String userId = app.userId(app.user("ada@example.com"));
            String key = app.createOnServer(userId, Map.of("rateLimitMax", LIMIT, "rateLimitTimeWindow", 600_000))
                    .get("key").asString();

            List<ApiKeyVerification> results = verifyConcurrently(app, key);

            assertThat(results.stream().filter(ApiKeyVerification::valid).count()).isEqualTo(LIMIT);
            assertThat(results.stream().filter(r -> !r.valid()).map(ApiKeyVerification::errorCode))
                    .containsOnly("RATE_LIMITED");
        }
    }

    private static List<ApiKeyVerification> verifyConcurrently(ApiKeyFixture app, String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiKeyVerification>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < CALLERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return app.verify(key);
                }));
            }
            start.countDown();
            List<ApiKeyVerification> results = new ArrayList<>();
            for (Future<ApiKeyVerification> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
