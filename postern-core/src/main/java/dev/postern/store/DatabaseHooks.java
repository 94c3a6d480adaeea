package dev.postern.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Callbacks around writes to a model, like better-auth's {@code databaseHooks}: a before-hook may change
 * the data or veto the write by throwing (an {@link dev.postern.error.ApiException} reaches the client
 * as is); an after-hook sees the stored row. Plugins contribute them; so may the application.
 */
public final class DatabaseHooks {
    /** Changes or vetoes the data of a create or update. Returns the data to write. */
    @FunctionalInterface
    public interface BeforeWrite {
        Map<String, Object> apply(Map<String, Object> data);
    }

    /** Vetoes a delete by throwing. */
    @FunctionalInterface
    public interface BeforeDelete {
        void apply(Row row);
    }

    /** Observes a stored or deleted row. */
    @FunctionalInterface
    public interface After {
        void apply(Row row);
    }

    public enum Operation { CREATE, UPDATE, DELETE }

    /** One registration. Exactly one of the three handler kinds is set, by operation and phase. */
    public record Registration(String model, Operation operation, BeforeWrite beforeWrite,
                               BeforeDelete beforeDelete, After after) {
    }

    private final List<Registration> registrations = new ArrayList<>();

    public static DatabaseHooks create() {
        return new DatabaseHooks();
    }

    public DatabaseHooks beforeCreate(String model, BeforeWrite hook) {
        registrations.add(new Registration(model, Operation.CREATE, hook, null, null));
        return this;
    }

    public DatabaseHooks afterCreate(String model, After hook) {
        registrations.add(new Registration(model, Operation.CREATE, null, null, hook));
        return this;
    }

    public DatabaseHooks beforeUpdate(String model, BeforeWrite hook) {
        registrations.add(new Registration(model, Operation.UPDATE, hook, null, null));
        return this;
    }

    public DatabaseHooks afterUpdate(String model, After hook) {
        registrations.add(new Registration(model, Operation.UPDATE, null, null, hook));
        return this;
    }

    public DatabaseHooks beforeDelete(String model, BeforeDelete hook) {
        registrations.add(new Registration(model, Operation.DELETE, null, hook, null));
        return this;
    }

    public DatabaseHooks afterDelete(String model, After hook) {
        registrations.add(new Registration(model, Operation.DELETE, null, null, hook));
        return this;
    }

    public DatabaseHooks addAll(DatabaseHooks other) {
        registrations.addAll(other.registrations);
        return this;
    }

    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    public boolean isEmpty() {
        return registrations.isEmpty();
    }

    /**
     * Runs the before-hooks of a create or update of {@code model} on {@code data}, in registration order,
     * each seeing the previous one's result; returns the data to write. Throws what a hook throws.
     */
    public Map<String, Object> runBefore(String model, Operation operation, Map<String, Object> data) {
        Map<String, Object> current = data;
        for (Registration h : registrations) {
            if (h.model().equals(model) && h.operation() == operation && h.beforeWrite() != null) {
                Map<String, Object> changed = h.beforeWrite().apply(new java.util.LinkedHashMap<>(current));
                if (changed != null) {
                    current = changed;
                }
            }
        }
        return current;
    }

    /** Runs the after-hooks of {@code operation} on {@code model} with the stored (or deleted) row. */
    public void runAfter(String model, Operation operation, Row row) {
        for (Registration h : registrations) {
            if (h.model().equals(model) && h.operation() == operation && h.after() != null) {
                h.after().apply(row);
            }
        }
    }
}
