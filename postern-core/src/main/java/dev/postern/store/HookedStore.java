package dev.postern.store;

import dev.postern.store.DatabaseHooks.Operation;
import dev.postern.store.DatabaseHooks.Registration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A store that runs {@link DatabaseHooks} around the single-row writes of another store. Bulk writes
 * ({@code updateMany}, {@code deleteMany}) skip hooks, as better-auth's do.
 */
public final class HookedStore implements Store {
    private final Store delegate;
    private final DatabaseHooks source;
    private final List<Registration> hooks;

    public HookedStore(Store delegate, DatabaseHooks hooks) {
        this.delegate = delegate;
        this.source = hooks;
        this.hooks = hooks.registrations();
    }

    @Override
    public Row create(String model, Map<String, Object> data) {
        Map<String, Object> toWrite = before(model, Operation.CREATE, data);
        Row row = delegate.create(model, toWrite);
        after(model, Operation.CREATE, row);
        return row;
    }

    @Override
    public Optional<Row> update(String model, Where where, Map<String, Object> data) {
        Map<String, Object> toWrite = before(model, Operation.UPDATE, data);
        Optional<Row> row = delegate.update(model, where, toWrite);
        row.ifPresent(r -> after(model, Operation.UPDATE, r));
        return row;
    }

    @Override
    public void delete(String model, Where where) {
        boolean hooked = hooks.stream().anyMatch(h -> h.model().equals(model) && h.operation() == Operation.DELETE);
        if (!hooked) {
            delegate.delete(model, where);
            return;
        }
        Optional<Row> row = delegate.findOne(model, where);
        if (row.isEmpty()) {
            return;
        }
        for (Registration h : hooks) {
            if (h.model().equals(model) && h.operation() == Operation.DELETE && h.beforeDelete() != null) {
                h.beforeDelete().apply(row.get());
            }
        }
        delegate.delete(model, Where.eq("id", row.get().id()));
        after(model, Operation.DELETE, row.get());
    }

    private Map<String, Object> before(String model, Operation operation, Map<String, Object> data) {
        return source.runBefore(model, operation, data);
    }

    private void after(String model, Operation operation, Row row) {
        source.runAfter(model, operation, row);
    }

    @Override
    public Optional<Row> findOne(String model, Where where) {
        return delegate.findOne(model, where);
    }

    @Override
    public Optional<WithParent> findOneWithParent(String model, Where where, String foreignKey, String parentModel) {
        return delegate.findOneWithParent(model, where, foreignKey, parentModel);
    }

    @Override
    public List<Row> findMany(String model, Query query) {
        return delegate.findMany(model, query);
    }

    @Override
    public long count(String model, Where where) {
        return delegate.count(model, where);
    }

    @Override
    public Optional<Row> incrementOne(String model, Where where, Map<String, Long> increments, Map<String, Object> set) {
        return delegate.incrementOne(model, where, increments, set);
    }

    @Override
    public long updateMany(String model, Where where, Map<String, Object> data) {
        return delegate.updateMany(model, where, data);
    }

    @Override
    public long deleteMany(String model, Where where) {
        return delegate.deleteMany(model, where);
    }

    @Override
    public <T> T transaction(Function<Store, T> work) {
        return delegate.transaction(tx -> work.apply(new HookedStore(tx, source)));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
