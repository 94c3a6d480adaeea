package dev.postern.jdbc;

import static dev.postern.jdbc.ConformanceSchema.GADGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Operator;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Store conformance: {@code incrementOne}, the guarded atomic counter better-auth's api-key plugin needs. */
interface IncrementConformance extends StoreFixture {

    @Test
    default void incrementOneAddsToCountersSetsFieldsAndReturnsTheRowAsStored() {
        Row row = gadget("alpha", "score", 5, "big", 10L);
        gadget("beta", "score", 5);

        Row changed = store().incrementOne(GADGET, Where.eq("id", row.id()),
                Map.of("score", -1L, "big", 3L), Map.of("seenAt", T0, "label", "touched")).orElseThrow();

        assertThat(changed.id()).isEqualTo(row.id());
        assertThat(changed.number("score")).isEqualTo(4L);
        assertThat(changed.number("big")).isEqualTo(13L);
        assertThat(changed.instant("seenAt")).isEqualTo(T0);
        assertThat(changed.string("label")).isEqualTo("touched");
        assertThat(store().findOne(GADGET, Where.eq("name", "beta")).orElseThrow().number("score")).isEqualTo(5L);
    }

    @Test
    default void incrementOneLeavesTheRowAloneWhenTheGuardDoesNotHold() {
        Row row = gadget("alpha", "score", 0);

        Optional<Row> result = store().incrementOne(GADGET,
                Where.eq("id", row.id()).and("score", Operator.GT, 0), Map.of("score", -1L), Map.of("label", "x"));

        assertThat(result).isEmpty();
        Row stored = store().findOne(GADGET, Where.eq("id", row.id())).orElseThrow();
        assertThat(stored.number("score")).isZero();
        assertThat(stored.get("label")).isNull();
    }

    @Test
    default void incrementOneWithOnlyAssignmentsIsACompareAndSet() {
        Row row = gadget("alpha", "score", 1, "seenAt", T0);

        Optional<Row> stale = store().incrementOne(GADGET, Where.eq("id", row.id()).and("seenAt", Operator.EQ, null),
                Map.of(), Map.of("score", 9));
        Row won = store().incrementOne(GADGET, Where.eq("id", row.id()).and("seenAt", Operator.EQ, T0),
                Map.of(), Map.of("score", 9)).orElseThrow();

        assertThat(stale).isEmpty();
        assertThat(won.number("score")).isEqualTo(9L);
    }

    @Test
    default void incrementOneFindsTheRowByAnyFilter() {
        gadget("alpha", "score", 2);

        Row changed = store().incrementOne(GADGET, Where.eq("name", "alpha"), Map.of("score", 40L), Map.of()).orElseThrow();

        assertThat(changed.number("score")).isEqualTo(42L);
        assertThat(store().incrementOne(GADGET, Where.eq("name", "nobody"), Map.of("score", 1L), Map.of())).isEmpty();
    }

    @Test
    default void concurrentGuardedDecrementsNeverTakeACounterBelowZero() throws Exception {
        int limit = 7;
        int callers = 40;
        Row row = gadget("quota", "score", limit);
        Where guarded = Where.eq("id", row.id()).and("score", Operator.GT, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store().incrementOne(GADGET, guarded, Map.of("score", -1L), Map.of()).isPresent();
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                if (result.get(60, TimeUnit.SECONDS)) {
                    succeeded++;
                }
            }
            assertThat(succeeded).isEqualTo(limit);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().findOne(GADGET, Where.eq("id", row.id())).orElseThrow().number("score")).isZero();
    }
}
