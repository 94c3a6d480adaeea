package dev.postern;

import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.StoreProvider;
import dev.postern.store.Where;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A store for engine tests that never touch storage: any call fails loudly, so a test that
 * unexpectedly reaches the database cannot pass by accident. Storage itself is tested against real
 * databases in postern-jdbc.
 */
public final class NoStore implements Store {
    public static final StoreProvider PROVIDER = schema -> new NoStore();

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("this engine test must not touch storage");
    }

    @Override
    public Row create(String model, Map<String, Object> data) {
        throw unused();
    }

    @Override
    public Optional<Row> findOne(String model, Where where) {
        throw unused();
    }

    @Override
    public List<Row> findMany(String model, Query query) {
        throw unused();
    }

    @Override
    public long count(String model, Where where) {
        throw unused();
    }

    @Override
    public Optional<Row> update(String model, Where where, Map<String, Object> data) {
        throw unused();
    }

    @Override
    public Optional<Row> incrementOne(String model, Where where, Map<String, Long> increments, Map<String, Object> set) {
        throw unused();
    }

    @Override
    public long updateMany(String model, Where where, Map<String, Object> data) {
        throw unused();
    }

    @Override
    public void delete(String model, Where where) {
        throw unused();
    }

    @Override
    public long deleteMany(String model, Where where) {
        throw unused();
    }

    @Override
    public <T> T transaction(Function<Store, T> work) {
        throw unused();
    }
}
