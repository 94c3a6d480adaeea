package dev.postern.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Memory storage: bounded like better-auth's 100,000-key map, and atomic per key. */
class MemoryRateLimitStorageTest {
    private static final RateLimit TWO_PER_MINUTE = RateLimit.of(Duration.ofMinutes(1), 2);
    private final SteppingClock clock = SteppingClock.atEpochSecond(1_800_000_000L);

    @Test
    void pastTheCapTheOldestKeysAreEvicted() {
        MemoryRateLimitStorage storage = new MemoryRateLimitStorage(clock, 3);
        storage.consume("a", TWO_PER_MINUTE);
        storage.consume("a", TWO_PER_MINUTE);
        for (String key : List.of("b", "c", "d")) {
            clock.advanceMillis(10);
            storage.consume(key, TWO_PER_MINUTE);
        }

        assertThat(storage.size()).isEqualTo(3);
        assertThat(storage.consume("a", TWO_PER_MINUTE).allowed()).as("a was evicted, so it starts over").isTrue();
        assertThat(storage.size()).isEqualTo(3);
    }

    @Test
    void aKeyCountedRecentlyIsNotTheOldest() {
        MemoryRateLimitStorage storage = new MemoryRateLimitStorage(clock, 2);
        storage.consume("a", TWO_PER_MINUTE);
        storage.consume("b", TWO_PER_MINUTE);
        storage.consume("a", TWO_PER_MINUTE);
        storage.consume("c", TWO_PER_MINUTE); // evicts b, not a

        assertThat(storage.consume("a", TWO_PER_MINUTE).allowed()).as("a still counts two requests").isFalse();
    }

    @Test
    void expiredKeysAreDroppedAsNewOnesArrive() {
        MemoryRateLimitStorage storage = new MemoryRateLimitStorage(clock, 100);
        storage.consume("a", TWO_PER_MINUTE);
        storage.consume("b", TWO_PER_MINUTE);
        clock.advance(Duration.ofMinutes(1));

        storage.consume("c", TWO_PER_MINUTE);

        assertThat(storage.size()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsForOneKeyAreCountedExactly() throws Exception {
        MemoryRateLimitStorage storage = new MemoryRateLimitStorage(clock, 100);
        RateLimit threePerMinute = RateLimit.of(Duration.ofMinutes(1), 3);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> storage.consume("ip|/sign-in/email", threePerMinute).allowed()));
            }
        }

        long allowed = 0;
        for (Future<Boolean> result : results) {
            allowed += result.get() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(3);
    }
}
