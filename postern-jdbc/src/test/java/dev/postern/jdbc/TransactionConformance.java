package dev.postern.jdbc;

import static dev.postern.jdbc.ConformanceSchema.GADGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.postern.schema.CoreSchema;
import dev.postern.store.Store;
import dev.postern.store.StoreException;
import dev.postern.store.UniqueViolationException;
import dev.postern.store.Where;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Store conformance: transactions (commit, rollback, nesting) and how database errors surface. */
interface TransactionConformance extends StoreFixture {

    @Test
    default void transactionCommitsWhenWorkReturns() {
        String name = store().transaction(tx -> {
            tx.create(GADGET, Map.of("name", "alpha"));
            tx.create(GADGET, Map.of("name", "beta"));
            return "done";
        });

        assertThat(name).isEqualTo("done");
        assertThat(store().count(GADGET, Where.all())).isEqualTo(2);
    }

    @Test
    default void transactionThatThrowsMidwayLeavesNoRowAndRethrowsTheSameException() {
        IllegalStateException boom = new IllegalStateException("boom");

        Throwable thrown = catchThrowable(() -> store().transaction(tx -> {
            tx.create(GADGET, Map.of("name", "alpha"));
            tx.updateMany(GADGET, Where.all(), Map.of("label", "touched"));
            throw boom;
        }));

        assertThat(thrown).isSameAs(boom);
        assertThat(store().count(GADGET, Where.all())).isZero();
    }

    @Test
    default void transactionSeesItsOwnWrites() {
        long seen = store().transaction(tx -> {
            tx.create(GADGET, Map.of("name", "alpha"));
            return tx.count(GADGET, Where.eq("name", "alpha"));
        });

        assertThat(seen).isEqualTo(1);
    }

    @Test
    default void nestedTransactionJoinsTheOuterOne() {
        Throwable thrown = catchThrowable(() -> store().transaction(outer -> {
            outer.create(GADGET, Map.of("name", "outer"));
            outer.transaction(inner -> inner.create(GADGET, Map.of("name", "inner")));
            assertThat(outer.count(GADGET, Where.all())).isEqualTo(2);
            throw new IllegalStateException("undo both");
        }));

        assertThat(thrown).hasMessage("undo both");
        assertThat(store().count(GADGET, Where.all())).isZero();
    }

    @Test
    default void nestedTransactionCommitsWithTheOuterOne() {
        store().transaction(outer -> {
            outer.create(GADGET, Map.of("name", "outer"));
            return outer.transaction(inner -> inner.create(GADGET, Map.of("name", "inner")));
        });

        assertThat(store().count(GADGET, Where.all())).isEqualTo(2);
    }

    @Test
    default void uniqueViolationSurfacesAsUniqueViolationExceptionAndStoreStaysUsable() {
        gadget("alpha", "code", "SAME");

        Throwable thrown = catchThrowable(() -> gadget("beta", "code", "SAME"));

        assertThat(thrown).isInstanceOf(UniqueViolationException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(((UniqueViolationException) thrown).model()).isEqualTo(GADGET);
        assertThat(thrown.getMessage()).contains(GADGET).doesNotContain("SAME");
        gadget("gamma", "code", "OTHER");
        assertThat(store().count(GADGET, Where.all())).isEqualTo(2);
    }

    @Test
    default void duplicateIdIsAUniqueViolation() {
        gadget("alpha", "id", "same-id");

        assertThatThrownBy(() -> gadget("beta", "id", "same-id")).isInstanceOf(UniqueViolationException.class);
    }

    @Test
    default void uniqueViolationOnUpdateIsAUniqueViolation() {
        gadget("alpha", "code", "A");
        gadget("beta", "code", "B");

        assertThatThrownBy(() -> store().update(GADGET, Where.eq("code", "B"), Map.of("code", "A")))
                .isInstanceOf(UniqueViolationException.class);
        assertThatThrownBy(() -> store().updateMany(GADGET, Where.all(), Map.of("code", "C")))
                .isInstanceOf(UniqueViolationException.class);
    }

    @Test
    default void uniqueViolationInsideTransactionRollsBackAndPropagates() {
        gadget("alpha", "code", "SAME");

        Throwable thrown = catchThrowable(() -> store().transaction(tx -> {
            tx.create(GADGET, Map.of("name", "beta"));
            return tx.create(GADGET, Map.of("name", "gamma", "code", "SAME"));
        }));

        assertThat(thrown).isInstanceOf(UniqueViolationException.class);
        assertThat(store().count(GADGET, Where.all())).isEqualTo(1);
    }

    @Test
    default void foreignKeyViolationIsAStoreExceptionButNotAUniqueViolation() {
        Map<String, Object> orphan = Map.of("token", "t", "userId", "no-such-user",
                "expiresAt", Instant.now(), "updatedAt", Instant.now());

        Throwable thrown = catchThrowable(() -> store().create(CoreSchema.SESSION, orphan));

        assertThat(thrown).isInstanceOf(StoreException.class).isNotInstanceOf(UniqueViolationException.class)
                .hasMessageContaining(CoreSchema.SESSION).hasMessageContaining("create");
    }

    @Test
    default void deletingAUserCascadesToItsSessions() {
        String userId = store().create(CoreSchema.USER, Map.of("name", "Ada", "email", "ada@example.com")).id();
        store().create(CoreSchema.SESSION, Map.of("token", "tok", "userId", userId,
                "expiresAt", T0, "updatedAt", T0));

        store().delete(CoreSchema.USER, Where.eq("id", userId));

        assertThat(store().count(CoreSchema.SESSION, Where.all())).isZero();
    }

    @Test
    default void closingAStoreLeavesThePoolOpenForTheOthers() {
        Store other = provider().open(ConformanceSchema.SCHEMA);
        other.close();

        assertThat(store().count(GADGET, Where.all())).isZero();
        assertThat(other.count(GADGET, Where.all())).isZero();
    }
}
