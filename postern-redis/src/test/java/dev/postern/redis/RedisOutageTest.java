package dev.postern.redis;

import dev.postern.testkit.RedisServerProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.storage.SecondaryStorageUnavailableException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Redis going away and coming back (secondary-storage issue, part 4): operations fail with
 * {@link SecondaryStorageUnavailableException}, never hang, and succeed again once Redis is back, without a new
 * storage object. Uses a redis-server of its own on a spare port.
 */
class RedisOutageTest {
    private static final long RECOVERY_BOUND_MILLIS = 30_000;

    @Test
    void operationsFailWhileRedisIsDownAndRecoverWhenItReturns() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.onSparePort();
             RedisSecondaryStorage storage = new RedisSecondaryStorage(redis.url())) {
            redis.start();
            storage.set("k", "before", 60);
            assertThat(storage.increment("counter", 60)).isEqualTo(1);

            redis.stop();

            assertThatThrownBy(() -> storage.get("k")).isInstanceOf(SecondaryStorageUnavailableException.class)
                    .hasMessageContaining("Redis is unavailable");
            assertThatThrownBy(() -> storage.increment("counter", 60))
                    .isInstanceOf(SecondaryStorageUnavailableException.class);

            redis.start();

            // The new server is empty (no persistence) and has no cached script: the increment proves both
            // the reconnect and the EVAL fallback.
            assertThat(eventually(() -> storage.increment("counter", 60))).isEqualTo(1);
            storage.set("k", "after", 60);
            assertThat(storage.get("k")).contains("after");
        }
    }

    @Test
    void aRedisThatIsDownAtFirstUseIsPickedUpOnceItStarts() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.onSparePort();
             RedisSecondaryStorage storage = new RedisSecondaryStorage(redis.url())) {
            assertThatThrownBy(() -> storage.get("k")).isInstanceOf(SecondaryStorageUnavailableException.class);

            redis.start();

            assertThat(eventually(() -> storage.get("k"))).isEmpty();
            assertThat(storage.ping()).isPositive();
        }
    }

    @Test
    void operationsAfterCloseAreRefused() throws Exception {
        RedisSecondaryStorage storage = new RedisSecondaryStorage("redis://127.0.0.1:1");
        storage.close();

        assertThatThrownBy(() -> storage.get("k")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    /** Retries while Redis is unavailable, within a bound, and returns the first answer. */
    private static <T> T eventually(java.util.concurrent.Callable<T> operation) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECOVERY_BOUND_MILLIS);
        while (true) {
            try {
                return operation.call();
            } catch (SecondaryStorageUnavailableException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("Redis still unavailable after " + RECOVERY_BOUND_MILLIS + " ms", e);
                }
                Thread.sleep(100);
            }
        }
    }
}
