package dev.postern.jdbc;

import static dev.postern.jdbc.ConformanceSchema.GADGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Where;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store conformance suite on an SQLite file. */
class SqliteStoreConformanceTest extends StoreConformanceTest {
    @TempDir
    static Path folder;

    @Override
    protected String databaseUrl() {
        return TestDatabases.sqliteUrl(folder, "conformance");
    }

    /**
     * SQLite has one writer at a time. Transactions that read and then write, from several threads,
     * must wait for each other (busy timeout, immediate transactions) rather than fail with SQLITE_BUSY.
     */
    @Test
    void concurrentReadThenWriteTransactionsWaitInsteadOfFailing() throws Exception {
        gadget("counter", "score", 0);
        int threads = 4;
        int incrementsPerThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < incrementsPerThread; i++) {
                        store().transaction(tx -> {
                            long score = tx.findOne(GADGET, Where.eq("name", "counter")).orElseThrow().number("score");
                            return tx.update(GADGET, Where.eq("name", "counter"), Map.of("score", score + 1));
                        });
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store().findOne(GADGET, Where.eq("name", "counter")).orElseThrow().number("score"))
                .isEqualTo((long) threads * incrementsPerThread);
    }
}
