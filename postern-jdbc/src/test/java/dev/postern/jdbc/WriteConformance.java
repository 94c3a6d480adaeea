package dev.postern.jdbc;

import static dev.postern.jdbc.ConformanceSchema.GADGET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Operator;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Store conformance: update, updateMany, delete and deleteMany, and what each returns. */
interface WriteConformance extends StoreFixture {

    @Test
    default void updateChangesTheMatchAndReturnsItAsStored() {
        Row row = gadget("alpha", "score", 1);
        gadget("beta", "score", 1);

        Row updated = store().update(GADGET, Where.eq("name", "alpha"),
                Map.of("score", 2, "active", false, "seenAt", T0, "tags", List.of("new"))).orElseThrow();

        assertThat(updated.id()).isEqualTo(row.id());
        assertThat(updated.number("score")).isEqualTo(2L);
        assertThat(updated.bool("active")).isFalse();
        assertThat(updated.instant("seenAt")).isEqualTo(T0);
        assertThat(updated.get("tags")).isEqualTo(List.of("new"));
        assertThat(updated.instant("createdAt")).isEqualTo(row.instant("createdAt"));
        assertThat(store().findOne(GADGET, Where.eq("name", "beta")).orElseThrow().number("score")).isEqualTo(1L);
    }

    @Test
    default void updateChangesOnlyTheFirstOfSeveralMatches() {
        gadget("alpha", "score", 1);
        gadget("beta", "score", 1);

        Row updated = store().update(GADGET, Where.eq("score", 1), Map.of("score", 5)).orElseThrow();

        assertThat(store().count(GADGET, Where.eq("score", 5))).isEqualTo(1);
        assertThat(store().count(GADGET, Where.eq("score", 1))).isEqualTo(1);
        assertThat(updated.number("score")).isEqualTo(5L);
    }

    @Test
    default void updateByIdMayChangeTheFieldItWasFoundBy() {
        Row row = gadget("alpha", "code", "OLD");

        Row byId = store().update(GADGET, Where.eq("id", row.id()), Map.of("label", "by id")).orElseThrow();
        Row byCode = store().update(GADGET, Where.eq("code", "OLD"), Map.of("code", "NEW")).orElseThrow();

        assertThat(byId.string("label")).isEqualTo("by id");
        assertThat(byCode.string("code")).isEqualTo("NEW");
        assertThat(byCode.string("label")).isEqualTo("by id");
    }

    @Test
    default void updateCanSetAFieldToNull() {
        Row row = gadget("alpha", "label", "x", "meta", Map.of("a", 1));

        Row updated = store().update(GADGET, Where.eq("id", row.id()), nulls("label", "meta")).orElseThrow();

        assertThat(updated.get("label")).isNull();
        assertThat(updated.get("meta")).isNull();
    }

    @Test
    default void updateWhenNothingMatchesReturnsEmpty() {
        gadget("alpha");

        assertThat(store().update(GADGET, Where.eq("name", "nobody"), Map.of("score", 1))).isEmpty();
        assertThat(store().update(GADGET, Where.eq("id", "no-such-id"), Map.of("score", 1))).isEmpty();
    }

    @Test
    default void updateManyReturnsHowManyRowsMatched() {
        gadget("alpha", "score", 1);
        gadget("beta", "score", 1);
        gadget("gamma", "score", 2);

        long changed = store().updateMany(GADGET, Where.eq("score", 1), Map.of("label", "bulk"));

        assertThat(changed).isEqualTo(2);
        assertThat(store().count(GADGET, Where.eq("label", "bulk"))).isEqualTo(2);
        assertThat(store().updateMany(GADGET, Where.eq("score", 99), Map.of("label", "none"))).isZero();
    }

    @Test
    default void updateManyCountsRowsEvenWhenValuesAreUnchanged() {
        gadget("alpha", "label", "same");
        gadget("beta", "label", "same");

        assertThat(store().updateMany(GADGET, Where.all(), Map.of("label", "same"))).isEqualTo(2);
    }

    @Test
    default void deleteRemovesOnlyTheFirstMatch() {
        gadget("alpha", "score", 1);
        gadget("beta", "score", 1);

        store().delete(GADGET, Where.eq("score", 1));

        assertThat(store().count(GADGET, Where.all())).isEqualTo(1);
        store().delete(GADGET, Where.eq("name", "nobody"));
        assertThat(store().count(GADGET, Where.all())).isEqualTo(1);
    }

    @Test
    default void deleteById() {
        Row row = gadget("alpha");
        gadget("beta");

        store().delete(GADGET, Where.eq("id", row.id()));

        assertThat(store().findOne(GADGET, Where.eq("id", row.id()))).isEmpty();
        assertThat(store().count(GADGET, Where.all())).isEqualTo(1);
    }

    @Test
    default void deleteManyReturnsHowManyRowsWent() {
        gadget("alpha", "score", 1);
        gadget("beta", "score", 2);
        gadget("gamma", "score", 3);

        assertThat(store().deleteMany(GADGET, Where.of("score", Operator.GTE, 2))).isEqualTo(2);
        assertThat(store().deleteMany(GADGET, Where.of("score", Operator.GTE, 2))).isZero();
        assertThat(store().deleteMany(GADGET, Where.all())).isEqualTo(1);
    }

    private static Map<String, Object> nulls(String... fields) {
        Map<String, Object> data = new java.util.HashMap<>();
        for (String field : fields) {
            data.put(field, null);
        }
        return data;
    }
}
