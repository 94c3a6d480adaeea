package dev.postern.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.ratelimit.SteppingClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The in-process secondary storage keeps the contract Redis will: expiry, fixed-window atomic increments. */
class InMemorySecondaryStorageTest {
    private final SteppingClock clock = SteppingClock.atEpochSecond(1_800_000_000L);
    private final InMemorySecondaryStorage storage = new InMemorySecondaryStorage(clock);

    @Test
    void valuesExpireAfterTheirTtlAndZeroMeansNever() {
        storage.set("short", "a", 5);
        storage.set("forever", "b", 0);

        clock.advance(Duration.ofSeconds(5));

        assertThat(storage.get("short")).isEmpty();
        assertThat(storage.get("forever")).contains("b");
        storage.delete("forever");
        assertThat(storage.get("forever")).isEmpty();
    }

    @Test
    void incrementCountsInAFixedWindowThatFurtherIncrementsDoNotExtend() {
        assertThat(storage.increment("k", 10)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(9));
        assertThat(storage.increment("k", 10)).isEqualTo(2);

        clock.advance(Duration.ofSeconds(1));

        assertThat(storage.increment("k", 10)).isEqualTo(1);
    }

    @Test
    void concurrentIncrementsAreAtomic() throws Exception {
        List<Future<Long>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> storage.increment("k", 60)));
            }
        }

        assertThat(storage.get("k")).contains("200");
        List<Long> counts = new ArrayList<>();
        for (Future<Long> result : results) {
            counts.add(result.get());
        }
        assertThat(counts).doesNotHaveDuplicates().hasSize(200);
    }
}
