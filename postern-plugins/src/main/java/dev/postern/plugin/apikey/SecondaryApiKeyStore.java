package dev.postern.plugin.apikey;

import dev.postern.crypto.Ids;
import dev.postern.http.Status;
import dev.postern.json.Json;
import dev.postern.storage.SecondaryStorage;
import dev.postern.store.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * API keys in secondary storage only ({@code storage: "secondary-storage"} without
 * {@code fallbackToDatabase}), under better-auth's keys: {@code api-key:<hashedKey>},
 * {@code api-key:by-id:<id>} and the owner's list of ids {@code api-key:by-ref:<referenceId>}, each
 * expiring with the key.
 *
 * <p>Secondary storage has no conditional write, so claiming a use is read, change, write. Postern
 * serialises that per key inside one instance (better-auth does not), so concurrent verifications on one
 * node never overspend; across several nodes they can, as with better-auth. Where exact limits matter
 * across nodes, keep the database as the source of truth ({@code fallbackToDatabase: true}).
 */
final class SecondaryApiKeyStore implements ApiKeyStore {
    private static final int STRIPES = 64;

    private final SecondaryStorage storage;
    private final ApiKeyOptions options;
    private final Object[] locks = new Object[STRIPES];

    SecondaryApiKeyStore(SecondaryStorage storage, ApiKeyOptions options) {
        this.storage = storage;
        this.options = options;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    static String byHash(String hashedKey) {
        return "api-key:" + hashedKey;
    }

    static String byId(String id) {
        return "api-key:by-id:" + id;
    }

    static String byReference(String referenceId) {
        return "api-key:by-ref:" + referenceId;
    }

    /** Seconds until the key expires, or 0 (no expiry) when it has none or it has passed. */
    static long ttlSeconds(Row key) {
        Instant expiresAt = key.instant("expiresAt");
        if (expiresAt == null) {
            return 0;
        }
        long seconds = (expiresAt.toEpochMilli() - System.currentTimeMillis()) / 1000;
        return Math.max(seconds, 0);
    }

    @Override
    public Row create(Map<String, Object> data) {
        Map<String, Object> values = new LinkedHashMap<>(data);
        values.putIfAbsent("id", Ids.generate());
        Row row = new Row(values);
        put(row);
        synchronized (lockFor(row.string("referenceId"))) {
            List<String> ids = referenceIds(row.string("referenceId"));
            if (!ids.contains(row.id())) {
                ids.add(row.id());
            }
            storage.set(byReference(row.string("referenceId")), Json.write(ids), 0);
        }
        return row;
    }

    @Override
    public Optional<Row> findByHash(String hashedKey) {
        return storage.get(byHash(hashedKey)).flatMap(ApiKeyJson::read);
    }

    @Override
    public Optional<Row> findById(String id) {
        return storage.get(byId(id)).flatMap(ApiKeyJson::read);
    }

    @Override
    public List<Row> listByReference(String referenceId) {
        List<Row> keys = new ArrayList<>();
        for (String id : referenceIds(referenceId)) {
            findById(id).ifPresent(keys::add);
        }
        return keys;
    }

    @Override
    public Optional<Row> update(Row current, Map<String, Object> changes) {
        synchronized (lockFor(current.id())) {
            Optional<Row> fresh = findById(current.id());
            if (fresh.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> values = new LinkedHashMap<>(fresh.get().values());
            values.putAll(changes);
            if (!changes.containsKey("updatedAt")) {
                values.put("updatedAt", Instant.now());
            }
            Row updated = new Row(values);
            put(updated);
            return Optional.of(updated);
        }
    }

    @Override
    public void delete(Row key) {
        storage.delete(byHash(key.string("key")));
        storage.delete(byId(key.id()));
        synchronized (lockFor(key.string("referenceId"))) {
            List<String> ids = referenceIds(key.string("referenceId"));
            ids.remove(key.id());
            if (ids.isEmpty()) {
                storage.delete(byReference(key.string("referenceId")));
            } else {
                storage.set(byReference(key.string("referenceId")), Json.write(ids), 0);
            }
        }
    }

    @Override
    public Row claimUsage(Row key, Instant now) {
        synchronized (lockFor(key.id())) {
            Row fresh = findById(key.id())
                    .orElseThrow(() -> ApiKeyErrorCodes.FAILED_TO_UPDATE_API_KEY.toException(Status.INTERNAL_SERVER_ERROR));
            Map<String, Object> changes = new LinkedHashMap<>();
            Long remaining = fresh.number("remaining");
            if (remaining != null) {
                Long refillInterval = fresh.number("refillInterval");
                Long refillAmount = fresh.number("refillAmount");
                Instant lastRefill = fresh.instant("lastRefillAt") != null ? fresh.instant("lastRefillAt") : fresh.instant("createdAt");
                if (refillInterval != null && refillInterval != 0 && refillAmount != null && refillAmount != 0
                        && now.toEpochMilli() - lastRefill.toEpochMilli() > refillInterval) {
                    remaining = refillAmount;
                    changes.put("lastRefillAt", now);
                }
                if (remaining <= 0) {
                    throw ApiKeyErrorCodes.USAGE_EXCEEDED.toException(Status.TOO_MANY_REQUESTS);
                }
                changes.put("remaining", remaining - 1);
            }
            switch (RateLimitDecision.of(fresh, options, now)) {
                case RateLimitDecision.Deny deny -> throw new RateLimitedException(deny.tryAgainInMillis());
                case RateLimitDecision.Skip skip -> {
                    if (skip.stamp()) {
                        changes.put("lastRequest", now);
                    }
                }
                case RateLimitDecision.Increment increment -> {
                    changes.put("lastRequest", now);
                    changes.put("requestCount", fresh.number("requestCount") + 1);
                }
                case RateLimitDecision.Start start -> {
                    changes.put("lastRequest", now);
                    changes.put("requestCount", 1L);
                }
                case RateLimitDecision.Reset reset -> {
                    changes.put("lastRequest", now);
                    changes.put("requestCount", 1L);
                }
            }
            changes.put("updatedAt", now);
            Map<String, Object> values = new LinkedHashMap<>(fresh.values());
            values.putAll(changes);
            Row updated = new Row(values);
            put(updated);
            return updated;
        }
    }

    /** Nothing to sweep: every entry expires with its key. */
    @Override
    public long deleteExpired(Instant now) {
        return 0;
    }

    private void put(Row row) {
        String json = ApiKeyJson.write(row);
        long ttl = ttlSeconds(row);
        storage.set(byHash(row.string("key")), json, ttl);
        storage.set(byId(row.id()), json, ttl);
    }

    private List<String> referenceIds(String referenceId) {
        List<String> ids = new ArrayList<>();
        storage.get(byReference(referenceId)).ifPresent(text -> {
            try {
                JsonNode node = Json.parse(text);
                if (node.isArray()) {
                    node.forEach(id -> ids.add(id.asString()));
                }
            } catch (RuntimeException ignored) {
                // A corrupt list lists nothing, as better-auth's parse failure does.
            }
        });
        return ids;
    }

    private Object lockFor(String id) {
        return locks[Math.floorMod(id.hashCode(), STRIPES)];
    }
}
