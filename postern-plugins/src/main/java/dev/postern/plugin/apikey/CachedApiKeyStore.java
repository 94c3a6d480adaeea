package dev.postern.plugin.apikey;

import dev.postern.storage.SecondaryStorage;
import dev.postern.store.Row;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Secondary storage in front of the database ({@code storage: "secondary-storage"} with
 * {@code fallbackToDatabase: true}): reads try the cache, then the database (and fill the cache); every
 * write goes to the database and refreshes the cache. Usage is claimed on the database rows, so the
 * limits are as exact as in {@link DatabaseApiKeyStore} across any number of nodes.
 */
final class CachedApiKeyStore implements ApiKeyStore {
    private final DatabaseApiKeyStore database;
    private final SecondaryStorage storage;

    CachedApiKeyStore(DatabaseApiKeyStore database, SecondaryStorage storage) {
        this.database = database;
        this.storage = storage;
    }

    @Override
    public Row create(Map<String, Object> data) {
        Row row = database.create(data);
        cache(row);
        return row;
    }

    @Override
    public Optional<Row> findByHash(String hashedKey) {
        Optional<Row> cached = storage.get(SecondaryApiKeyStore.byHash(hashedKey)).flatMap(ApiKeyJson::read);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Row> stored = database.findByHash(hashedKey);
        stored.ifPresent(this::cache);
        return stored;
    }

    @Override
    public Optional<Row> findById(String id) {
        Optional<Row> cached = storage.get(SecondaryApiKeyStore.byId(id)).flatMap(ApiKeyJson::read);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Row> stored = database.findById(id);
        stored.ifPresent(this::cache);
        return stored;
    }

    /** From the database, the source of truth. */
    @Override
    public List<Row> listByReference(String referenceId) {
        return database.listByReference(referenceId);
    }

    @Override
    public Optional<Row> update(Row current, Map<String, Object> changes) {
        Optional<Row> updated = database.update(current, changes);
        updated.ifPresent(this::cache);
        return updated;
    }

    @Override
    public void delete(Row key) {
        storage.delete(SecondaryApiKeyStore.byHash(key.string("key")));
        storage.delete(SecondaryApiKeyStore.byId(key.id()));
        database.delete(key);
    }

    @Override
    public Row claimUsage(Row key, Instant now) {
        Row claimed = database.claimUsage(key, now);
        cache(claimed);
        return claimed;
    }

    @Override
    public long deleteExpired(Instant now) {
        return database.deleteExpired(now);
    }

    private void cache(Row row) {
        String json = ApiKeyJson.write(row);
        long ttl = SecondaryApiKeyStore.ttlSeconds(row);
        storage.set(SecondaryApiKeyStore.byHash(row.string("key")), json, ttl);
        storage.set(SecondaryApiKeyStore.byId(row.id()), json, ttl);
    }
}
