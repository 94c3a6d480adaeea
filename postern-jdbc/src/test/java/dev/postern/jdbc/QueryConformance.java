package dev.postern.jdbc;

import static dev.postern.jdbc.ConformanceSchema.GADGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Operator;
import dev.postern.store.Query;
import dev.postern.store.Query.Direction;
import dev.postern.store.Where;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Store conformance: sorting on several keys, limit, offset (with and without a limit) and count. */
interface QueryConformance extends StoreFixture {

    /** Five gadgets: scores 1,1,2,2,3 with names that break the ties the other way round. */
    private void seedFive() {
        gadget("e", "score", 1, "seenAt", T0.plusMillis(5));
        gadget("d", "score", 1, "seenAt", T0.plusMillis(4));
        gadget("c", "score", 2, "seenAt", T0.plusMillis(3));
        gadget("b", "score", 2, "seenAt", T0.plusMillis(2));
        gadget("a", "score", 3, "seenAt", T0.plusMillis(1));
    }

    private List<String> names(Query query) {
        return store().findMany(GADGET, query).stream().map(row -> row.string("name")).toList();
    }

    @Test
    default void sortAscendingAndDescending() {
        seedFive();

        assertThat(names(Query.all().sortBy("name", Direction.ASC))).containsExactly("a", "b", "c", "d", "e");
        assertThat(names(Query.all().sortBy("name", Direction.DESC))).containsExactly("e", "d", "c", "b", "a");
        assertThat(names(Query.all().sortBy("seenAt", Direction.ASC))).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    default void sortOnSeveralKeysBreaksTiesInOrder() {
        seedFive();

        assertThat(names(Query.all().sortBy("score", Direction.DESC).sortBy("name", Direction.ASC)))
                .containsExactly("a", "b", "c", "d", "e");
        assertThat(names(Query.all().sortBy("score", Direction.ASC).sortBy("name", Direction.DESC)))
                .containsExactly("e", "d", "c", "b", "a");
        assertThat(names(Query.all().sortBy("score", Direction.ASC).sortBy("name", Direction.ASC)))
                .containsExactly("d", "e", "b", "c", "a");
    }

    @Test
    default void limitAndOffsetWindowTheSortedRows() {
        seedFive();
        Query byName = Query.all().sortBy("name", Direction.ASC);

        assertThat(names(byName.limit(2))).containsExactly("a", "b");
        assertThat(names(byName.limit(2).offset(2))).containsExactly("c", "d");
        assertThat(names(byName.limit(2).offset(4))).containsExactly("e");
        assertThat(names(byName.limit(0))).isEmpty();
    }

    @Test
    default void offsetWithoutLimitSkipsRows() {
        seedFive();

        assertThat(names(Query.all().sortBy("name", Direction.ASC).offset(3))).containsExactly("d", "e");
        assertThat(names(Query.all().sortBy("name", Direction.ASC).offset(10))).isEmpty();
    }

    @Test
    default void filterSortAndWindowCombine() {
        seedFive();

        Query query = Query.where(Where.of("score", Operator.LTE, 2)).sortBy("name", Direction.DESC).limit(3).offset(1);

        assertThat(names(query)).containsExactly("d", "c", "b");
    }

    @Test
    default void findManyWithoutSortReturnsEveryMatch() {
        seedFive();

        assertThat(names(Query.all())).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(names(Query.where(Where.eq("score", 2)))).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    default void countAllAndFiltered() {
        assertThat(store().count(GADGET, Where.all())).isZero();
        seedFive();

        assertThat(store().count(GADGET, Where.all())).isEqualTo(5);
        assertThat(store().count(GADGET, Where.of("score", Operator.GTE, 2))).isEqualTo(3);
        assertThat(store().count(GADGET, Where.eq("name", "nobody"))).isZero();
    }

    @Test
    default void findOneReturnsEmptyWhenNothingMatches() {
        seedFive();

        assertThat(store().findOne(GADGET, Where.eq("name", "nobody"))).isEmpty();
    }
}
