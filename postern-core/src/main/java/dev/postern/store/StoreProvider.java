package dev.postern.store;

import dev.postern.schema.SchemaModel;

/**
 * Opens the primary store once the schema is known (the core tables plus every enabled plugin's).
 * The JDBC module provides one per database URL; tests and embedders may provide their own.
 */
@FunctionalInterface
public interface StoreProvider {
    Store open(SchemaModel schema);

    /** A short description for start-up logs, with credentials masked. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
