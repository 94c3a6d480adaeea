package dev.postern.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.storage.SecondaryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SecondaryStorage} promises (better-auth's {@code secondaryStorage}: get, set with TTL,
 * delete, atomic fixed-window increment), run against each implementation. Expiry is checked by polling until
 * the key is gone, within a generous bound, never by asserting how long something took.
 */
abstract class SecondaryStorageContract {
    private static final long POLL_BOUND_MILLIS = 15_000;

    /** The storage under test. */
    abstract SecondaryStorage storage();

    /** A key unique to this test run, cleaned up afterwards. */
    abstract String key(String name);

    @Test
    void aStoredValueIsReadBackAndAMissingKeyIsEmpty() {
        storage().set(key("json"), "{\"session\":{\"id\":\"s1\"},\"note\":\"ünïcødé ✓\"}", 60);

        assertThat(storage().get(key("json"))).contains("{\"session\":{\"id\":\"s1\"},\"note\":\"ünïcødé ✓\"}");
        assertThat(storage().get(key("absent"))).isEmpty();
    }

    @Test
    void setReplacesTheValue() {
        storage().set(key("k"), "first", 60);
        storage().set(key("k"), "second", 60);

        assertThat(storage().get(key("k"))).contains("second");
    }

    @Test
    void aValueExpiresAfterItsTtlWhileZeroTtlMeansNever() {
        storage().set(key("short"), "a", 1);
        storage().set(key("forever"), "b", 0);

        awaitTrue(() -> storage().get(key("short")).isEmpty());

        assertThat(storage().get(key("forever"))).contains("b");
    }

    @Test
    void deleteRemovesTheKeyAndDeletingAMissingKeyIsFine() {
        storage().set(key("k"), "v", 60);

        storage().delete(key("k"));
        storage().delete(key("never-set"));

        assertThat(storage().get(key("k"))).isEmpty();
    }

    @Test
    void getAndDeleteHandsTheValueToExactlyOneOfManyConcurrentCallers() throws Exception {
        storage().set(key("once"), "token-value", 60);
        List<Future<java.util.Optional<String>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> storage().getAndDelete(key("once"))));
            }
        }

        List<String> winners = new ArrayList<>();
        for (Future<java.util.Optional<String>> result : results) {
            result.get().ifPresent(winners::add);
        }
        assertThat(winners).containsExactly("token-value");
        assertThat(storage().get(key("once"))).isEmpty();
        assertThat(storage().getAndDelete(key("never-set"))).isEmpty();
    }

    @Test
    void incrementStartsAtOneAndCounts() {
        assertThat(storage().increment(key("counter"), 60)).isEqualTo(1);
        assertThat(storage().increment(key("counter"), 60)).isEqualTo(2);
        assertThat(storage().get(key("counter"))).contains("2");
    }

    @Test
    void fiftyConcurrentIncrementsEachGetADistinctCount() throws Exception {
        List<Future<Long>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> storage().increment(key("race"), 60)));
            }
        }

        List<Long> counts = new ArrayList<>();
        for (Future<Long> result : results) {
            counts.add(result.get());
        }
        assertThat(counts).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(storage().get(key("race"))).contains("50");
    }

    @Test
    void incrementSetsTheTtlOnlyOnceSoTheWindowIsFixed() {
        storage().increment(key("window"), 1);
        // Were this to reset the expiry to an hour, the counter would never start over within the bound.
        storage().increment(key("window"), 3600);

        awaitTrue(() -> storage().get(key("window")).isEmpty());

        assertThat(storage().increment(key("window"), 60)).isEqualTo(1);
    }

    /** Polls until {@code condition} holds; fails after a bound far above any TTL used here. */
    static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + POLL_BOUND_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition still false after %d ms", POLL_BOUND_MILLIS)
                    .isNegative();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while polling", e);
            }
        }
    }
}
