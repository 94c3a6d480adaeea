package dev.postern.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Database storage in better-auth's {@code rateLimit} table (better-auth-wire.md §7.2 and §9.4), on every database:
 * the row layout, the sliding window, atomicity under a burst, and rows better-auth wrote.
 */
class DatabaseRateLimitStorageTest {
    private static final String KEY = "127.0.0.1|" + LimitedProbePlugin.LIMITED;

    private static TestPostern start(TestDatabase database, MutableClock clock) {
        return TestPostern.builder().database(database).plugins(new LimitedProbePlugin())
                .configure(b -> {
                    b.rateLimit(RateLimitSettings.builder().storage(RateLimitStorageType.DATABASE).build());
                    if (clock != null) {
                        b.clock(clock);
                    }
                })
                .start();
    }

    private static TestResponse limited(TestPostern auth) {
        return auth.client().postJson(LimitedProbePlugin.LIMITED, Map.of());
    }

    private static Row row(TestPostern auth, String key) {
        return auth.postern().store().findOne(RateLimitSchema.TABLE, Where.eq(RateLimitSchema.KEY, key)).orElseThrow();
    }

    @SqliteAndPostgres
    void countsAreKeptInTheRateLimitTableAndTheFourthRequestIsDenied(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock)) {
            for (int i = 0; i < 3; i++) {
                limited(auth).assertStatus(200);
            }

            TestResponse denied = limited(auth);

            denied.assertStatus(429);
            assertThat(denied.header("X-Retry-After")).contains("60");
            Row row = row(auth, KEY);
            assertThat(row.number(RateLimitSchema.COUNT)).isEqualTo(3);
            assertThat(row.number(RateLimitSchema.LAST_REQUEST)).isEqualTo(clock.millis());
        }
    }

    @SqliteAndPostgres
    void theWindowRestartsFromTheLastAllowedRequest(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock)) {
            limited(auth).assertStatus(200);
            clock.advance(Duration.ofSeconds(30));
            limited(auth).assertStatus(200);
            limited(auth).assertStatus(200);
            clock.advance(Duration.ofSeconds(59));
            assertThat(limited(auth).assertStatus(429).header("X-Retry-After")).contains("1");

            clock.advance(Duration.ofSeconds(1));

            limited(auth).assertStatus(200);
            assertThat(row(auth, KEY).number(RateLimitSchema.COUNT)).isEqualTo(1);
        }
    }

    @SqliteAndPostgres
    void twentyParallelRequestsFromOneAddressAgainstMaxThreeAllowExactlyThree(TestDatabase database) throws Exception {
        try (TestPostern auth = start(database, null)) {
            List<Callable<Integer>> burst = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                burst.add(() -> limited(auth).status());
            }
            List<Integer> statuses = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
                for (Future<Integer> result : pool.invokeAll(burst)) {
                    statuses.add(result.get());
                }
            }

            assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(17);
            assertThat(row(auth, KEY).number(RateLimitSchema.COUNT)).isEqualTo(3);
        }
    }

    @SqliteAndPostgres
    void aRowBetterAuthWroteIsHonoured(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock)) {
            auth.postern().store().create(RateLimitSchema.TABLE, Map.of("id", "ba-row", RateLimitSchema.KEY, KEY,
                    RateLimitSchema.COUNT, 3L, RateLimitSchema.LAST_REQUEST, clock.millis() - 15_000));

            assertThat(limited(auth).assertStatus(429).header("X-Retry-After")).contains("45");
        }
    }

    @SqliteAndPostgres
    void rowsIdleLongerThanEveryWindowAreDeleted(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock)) {
            auth.postern().store().create(RateLimitSchema.TABLE, Map.of(RateLimitSchema.KEY, "203.0.113.7|/limited",
                    RateLimitSchema.COUNT, 1L, RateLimitSchema.LAST_REQUEST, clock.millis() - Duration.ofHours(1).toMillis()));

            limited(auth).assertStatus(200);

            assertThat(auth.postern().store().count(RateLimitSchema.TABLE, Where.all())).isEqualTo(1);
        }
    }
}
