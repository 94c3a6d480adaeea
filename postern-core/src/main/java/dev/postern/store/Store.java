package dev.postern.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The primary database, behind the small interface better-auth's adapters have. Models and fields are
 * logical names from the {@link dev.postern.schema.SchemaModel}; implementations map them to physical
 * names and database types.
 *
 * <p>Every failure surfaces as a {@link StoreException}: {@link UniqueViolationException} when a unique
 * constraint refuses a write, {@link StoreUnavailableException} when the database cannot be reached.
 * A raw {@code SQLException} never reaches the caller.
 */
public interface Store extends AutoCloseable {

    /**
     * Inserts a row. {@code id} is generated when absent; fields with defaults in the schema that are
     * absent from {@code data} get their default. Returns the row as stored.
     */
    Row create(String model, Map<String, Object> data);

    /** The first row matching {@code where}, if any. */
    Optional<Row> findOne(String model, Where where);

    /**
     * The first row of {@code model} matching {@code where} together with the {@code parentModel} row whose
     * id is in its {@code foreignKey} field (a session and its user), or empty when either is missing.
     * SQL stores answer in one round trip (a join); this default takes two.
     */
    default Optional<WithParent> findOneWithParent(String model, Where where, String foreignKey, String parentModel) {
        return findOne(model, where).flatMap(row -> {
            String parentId = row.string(foreignKey);
            return parentId == null ? Optional.empty()
                    : findOne(parentModel, Where.eq("id", parentId)).map(parent -> new WithParent(row, parent));
        });
    }

    /** A row and the row its foreign key points to. */
    record WithParent(Row row, Row parent) {
    }

    List<Row> findMany(String model, Query query);

    long count(String model, Where where);

    /** Updates the first row matching {@code where} and returns it as stored, if there was one. */
    Optional<Row> update(String model, Where where, Map<String, Object> data);

    /**
     * Atomically adds {@code increments} (negative to subtract) to numeric fields of the first row matching
     * {@code where} and writes {@code set} on it, in one statement that re-checks {@code where}: a guard
     * such as {@code remaining > 0} holds at the moment of the write, so concurrent callers can never
     * take a counter past it (better-auth's {@code adapter.incrementOne}). Returns the row as read right
     * after the change, or empty when no row matched, a concurrent write having made the guard false
     * included. Database hooks do not run, as for better-auth's counters.
     */
    Optional<Row> incrementOne(String model, Where where, Map<String, Long> increments, Map<String, Object> set);

    /** Updates every matching row; returns how many changed. */
    long updateMany(String model, Where where, Map<String, Object> data);

    /** Deletes the first matching row, if any. */
    void delete(String model, Where where);

    /** Deletes every matching row; returns how many. */
    long deleteMany(String model, Where where);

    /**
     * Runs {@code work} in one transaction against a store bound to it, committing when it returns and
     * rolling back when it throws (the exception propagates). Nested calls join the outer transaction.
     */
    <T> T transaction(Function<Store, T> work);

    @Override
    default void close() {
    }
}
