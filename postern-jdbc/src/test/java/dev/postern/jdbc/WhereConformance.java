package dev.postern.jdbc;

import static dev.postern.jdbc.ConformanceSchema.GADGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.store.Operator;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Store conformance: every {@link Operator}, null handling, LIKE escaping, AND/OR grouping, ignoreCase. */
interface WhereConformance extends StoreFixture {

    /** Three gadgets whose names sort as their scores and dates do. */
    private void seedThree() {
        gadget("alpha", "score", 10, "active", true, "seenAt", T0, "label", "x");
        gadget("beta", "score", 20, "active", false, "seenAt", T0.plusSeconds(1), "label", "y");
        gadget("gamma", "score", 30, "active", true, "seenAt", T0.plusSeconds(2));
    }

    private List<String> names(Where where) {
        return store().findMany(GADGET, Query.where(where).sortBy("name", Query.Direction.ASC)).stream()
                .map(row -> row.string("name")).toList();
    }

    @Test
    default void eqMatchesStringsNumbersBooleansAndDates() {
        seedThree();

        assertThat(names(Where.eq("name", "beta"))).containsExactly("beta");
        assertThat(names(Where.eq("score", 30))).containsExactly("gamma");
        assertThat(names(Where.eq("active", true))).containsExactly("alpha", "gamma");
        assertThat(names(Where.eq("active", false))).containsExactly("beta");
        assertThat(names(Where.eq("seenAt", T0.plusSeconds(1)))).containsExactly("beta");
    }

    @Test
    default void eqNullMatchesIsNullAndNeNullMatchesIsNotNull() {
        seedThree();

        assertThat(names(Where.eq("label", null))).containsExactly("gamma");
        assertThat(names(Where.of("label", Operator.NE, null))).containsExactly("alpha", "beta");
    }

    @Test
    default void neExcludesTheValue() {
        seedThree();

        assertThat(names(Where.of("name", Operator.NE, "beta"))).containsExactly("alpha", "gamma");
        assertThat(names(Where.of("active", Operator.NE, true))).containsExactly("beta");
    }

    @Test
    default void comparisonsOnNumbers() {
        seedThree();

        assertThat(names(Where.of("score", Operator.LT, 20))).containsExactly("alpha");
        assertThat(names(Where.of("score", Operator.LTE, 20))).containsExactly("alpha", "beta");
        assertThat(names(Where.of("score", Operator.GT, 20))).containsExactly("gamma");
        assertThat(names(Where.of("score", Operator.GTE, 20))).containsExactly("beta", "gamma");
    }

    @Test
    default void comparisonsOnDates() {
        seedThree();
        java.time.Instant middle = T0.plusSeconds(1);

        assertThat(names(Where.of("seenAt", Operator.LT, middle))).containsExactly("alpha");
        assertThat(names(Where.of("seenAt", Operator.LTE, middle))).containsExactly("alpha", "beta");
        assertThat(names(Where.of("seenAt", Operator.GT, middle))).containsExactly("gamma");
        assertThat(names(Where.of("seenAt", Operator.GTE, middle))).containsExactly("beta", "gamma");
        assertThat(names(Where.of("seenAt", Operator.GT, middle.minusMillis(1)))).containsExactly("beta", "gamma");
    }

    @Test
    default void inAndNotIn() {
        seedThree();

        assertThat(names(Where.in("name", List.of("alpha", "gamma", "zeta")))).containsExactly("alpha", "gamma");
        assertThat(names(Where.of("score", Operator.NOT_IN, List.of(10, 30)))).containsExactly("beta");
        assertThat(names(Where.in("seenAt", List.of(T0, T0.plusSeconds(2))))).containsExactly("alpha", "gamma");
    }

    @Test
    default void emptyInMatchesNothingAndEmptyNotInMatchesEverything() {
        seedThree();

        assertThat(names(Where.in("name", List.of()))).isEmpty();
        assertThat(names(Where.of("name", Operator.NOT_IN, List.of()))).containsExactly("alpha", "beta", "gamma");
    }

    @Test
    default void containsStartsWithAndEndsWith() {
        gadget("search engine");
        gadget("research");
        gadget("engine room");

        assertThat(names(Where.of("name", Operator.CONTAINS, "search"))).containsExactly("research", "search engine");
        assertThat(names(Where.of("name", Operator.STARTS_WITH, "engine"))).containsExactly("engine room");
        assertThat(names(Where.of("name", Operator.ENDS_WITH, "engine"))).containsExactly("search engine");
    }

    @Test
    default void likeWildcardsInValuesMatchLiterally() {
        gadget("100% sure");
        gadget("100 percent sure");
        gadget("a_b");
        gadget("axb");
        gadget("wow!");
        gadget("wow");

        assertThat(names(Where.of("name", Operator.CONTAINS, "%"))).containsExactly("100% sure");
        assertThat(names(Where.of("name", Operator.STARTS_WITH, "100%"))).containsExactly("100% sure");
        assertThat(names(Where.of("name", Operator.CONTAINS, "_"))).containsExactly("a_b");
        assertThat(names(Where.of("name", Operator.ENDS_WITH, "_b"))).containsExactly("a_b");
        assertThat(names(Where.of("name", Operator.ENDS_WITH, "!"))).containsExactly("wow!");
        assertThat(names(Where.of("name", Operator.CONTAINS, "\\"))).isEmpty();
    }

    @Test
    default void andConditionsAllHoldAndOrConditionsNeedOne() {
        seedThree();
        gadget("delta", "score", 40, "active", true);

        // active AND (score = 10 OR score = 40): beta fails the AND, gamma fails every OR.
        Where where = Where.eq("active", true).or("score", Operator.EQ, 10).or("score", Operator.EQ, 40);

        assertThat(names(where)).containsExactly("alpha", "delta");
    }

    @Test
    default void orConditionsAloneMatchAny() {
        seedThree();

        Where where = Where.all().or("name", Operator.EQ, "alpha").or("score", Operator.GT, 25);

        assertThat(names(where)).containsExactly("alpha", "gamma");
    }

    @Test
    default void ignoreCaseComparesLowerCased() {
        gadget("Alice Smith");
        gadget("bob");

        assertThat(names(Where.all().andIgnoringCase("name", Operator.EQ, "ALICE SMITH"))).containsExactly("Alice Smith");
        assertThat(names(Where.all().andIgnoringCase("name", Operator.CONTAINS, "SMI"))).containsExactly("Alice Smith");
        assertThat(names(Where.all().andIgnoringCase("name", Operator.STARTS_WITH, "ALI"))).containsExactly("Alice Smith");
        assertThat(names(Where.all().andIgnoringCase("name", Operator.NE, "BOB"))).containsExactly("Alice Smith");
    }

    @Test
    default void eqIsCaseSensitiveWhereTheDatabaseIs() {
        gadget("Alice");
        // MySQL's default collations ignore case, as they do for better-auth.
        int expected = dialect() == Dialect.MYSQL ? 1 : 0;

        assertThat(names(Where.eq("name", "ALICE"))).hasSize(expected);
    }

    @Test
    default void idIsAlwaysAFilterableField() {
        Row row = gadget("alpha");
        gadget("beta");

        assertThat(names(Where.eq("id", row.id()))).containsExactly("alpha");
        assertThat(names(Where.of("id", Operator.NE, row.id()))).containsExactly("beta");
    }

    @Test
    default void unknownFieldOrModelIsAnIllegalArgument() {
        assertThatThrownBy(() -> store().findOne(GADGET, Where.eq("colour", "red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour").hasMessageContaining(GADGET);
        assertThatThrownBy(() -> store().findMany(GADGET, Query.all().sortBy("colour", Query.Direction.ASC)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> store().count("widget", Where.all()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("widget");
    }

    @Test
    default void comparisonWithNullIsAnIllegalArgument() {
        assertThatThrownBy(() -> store().findOne(GADGET, Where.of("score", Operator.LT, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score");
    }
}
