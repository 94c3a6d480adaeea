package dev.postern.plugin.apikey;

import dev.postern.store.Row;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where API keys live: the database ({@link DatabaseApiKeyStore}), secondary storage alone
 * ({@link SecondaryApiKeyStore}), or secondary storage in front of the database
 * ({@link CachedApiKeyStore}, better-auth's {@code fallbackToDatabase}). Rows have the {@code apikey}
 * table's fields whatever the backend.
 */
interface ApiKeyStore {

    Row create(Map<String, Object> data);

    /** The key whose stored {@code key} column is {@code hashedKey}: one indexed lookup in the database. */
    Optional<Row> findByHash(String hashedKey);

    Optional<Row> findById(String id);

    List<Row> listByReference(String referenceId);

    /** Writes {@code changes} (and a new {@code updatedAt}) on {@code current}; empty when it is gone. */
    Optional<Row> update(Row current, Map<String, Object> changes);

    void delete(Row key);

    /**
     * Claims one use of {@code key}: one of its {@code remaining} uses (refilled when due) and a slot of its
     * rate-limit window, then returns the key as stored afterwards. Throws 429 {@code USAGE_EXCEEDED} or
     * {@code RATE_LIMITED} when the key has none left.
     */
    Row claimUsage(Row key, Instant now);

    /** Deletes every key whose {@code expiresAt} has passed; returns how many. */
    long deleteExpired(Instant now);
}
