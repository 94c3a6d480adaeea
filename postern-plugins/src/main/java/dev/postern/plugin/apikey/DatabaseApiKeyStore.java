package dev.postern.plugin.apikey;

import static dev.postern.plugin.apikey.ApiKeySchema.TABLE;

import dev.postern.http.Status;
import dev.postern.store.Operator;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API keys in the {@code apikey} table. Usage is claimed with guarded atomic updates
 * ({@link Store#incrementOne}), as better-auth 1.7.5 claims it: {@code remaining} only goes down while it
 * is above zero, a refill is won by exactly one caller (compare-and-set on the {@code lastRefillAt} it
 * read), and {@code requestCount} only goes up while it is below the maximum, so any number of concurrent
 * verifications of one key never use more than it has.
 */
final class DatabaseApiKeyStore implements ApiKeyStore {
    /** Lost races before giving up; each loss means another caller's write went through. */
    private static final int MAX_ATTEMPTS = 64;

    private final Store store;
    private final ApiKeyOptions options;

    DatabaseApiKeyStore(Store store, ApiKeyOptions options) {
        this.store = store;
        this.options = options;
    }

    @Override
    public Row create(Map<String, Object> data) {
        return store.create(TABLE, data);
    }

    @Override
    public Optional<Row> findByHash(String hashedKey) {
        return store.findOne(TABLE, Where.eq("key", hashedKey));
    }

    @Override
    public Optional<Row> findById(String id) {
        return store.findOne(TABLE, Where.eq("id", id));
    }

    @Override
    public List<Row> listByReference(String referenceId) {
        return store.findMany(TABLE, Query.where(Where.eq("referenceId", referenceId)));
    }

    @Override
    public Optional<Row> update(Row current, Map<String, Object> changes) {
        Map<String, Object> data = new LinkedHashMap<>(changes);
        data.putIfAbsent("updatedAt", Instant.now());
        return store.update(TABLE, Where.eq("id", current.id()), data);
    }

    @Override
    public void delete(Row key) {
        store.delete(TABLE, Where.eq("id", key.id()));
    }

    @Override
    public long deleteExpired(Instant now) {
        return store.deleteMany(TABLE, Where.of("expiresAt", Operator.LT, now).and("expiresAt", Operator.NE, null));
    }

    @Override
    public Row claimUsage(Row key, Instant now) {
        Row row = key;
        boolean written = false;
        if (key.number("remaining") != null) {
            // Rate limiting off: its lastRequest stamp rides on the decrement, one write instead of two.
            boolean stampOnly = RateLimitDecision.of(key, options, now) instanceof RateLimitDecision.Skip skip && skip.stamp();
            row = consumeRemaining(key, now, stampOnly ? Map.of("lastRequest", now) : Map.of());
            if (stampOnly) {
                return row;
            }
            written = true;
        }
        Optional<Row> limited = consumeRateLimit(row, now, written);
        if (limited.isPresent()) {
            return limited.get();
        }
        if (written) {
            return row;
        }
        return store.update(TABLE, Where.eq("id", row.id()), Map.of("updatedAt", now))
                .orElseThrow(() -> ApiKeyErrorCodes.INVALID_API_KEY.toException(Status.UNAUTHORIZED));
    }

    private Row consumeRemaining(Row key, Instant now, Map<String, Object> alsoSet) {
        Long refillInterval = key.number("refillInterval");
        Long refillAmount = key.number("refillAmount");
        if (refillInterval != null && refillInterval != 0 && refillAmount != null && refillAmount != 0) {
            Instant lastRefill = key.instant("lastRefillAt") != null ? key.instant("lastRefillAt") : key.instant("createdAt");
            if (now.toEpochMilli() - lastRefill.toEpochMilli() > refillInterval) {
                Map<String, Object> set = new HashMap<>();
                set.put("remaining", refillAmount - 1);
                set.put("lastRefillAt", now);
                set.put("updatedAt", now);
                set.putAll(alsoSet);
                Optional<Row> refilled = store.incrementOne(TABLE,
                        Where.eq("id", key.id()).and("lastRefillAt", Operator.EQ, key.instant("lastRefillAt")),
                        Map.of(), set);
                if (refilled.isPresent()) {
                    return refilled.get();
                }
            }
        }
        Map<String, Object> set = new HashMap<>(alsoSet);
        set.put("updatedAt", now);
        return store.incrementOne(TABLE, Where.eq("id", key.id()).and("remaining", Operator.GT, 0),
                        Map.of("remaining", -1L), set)
                .orElseThrow(() -> ApiKeyErrorCodes.USAGE_EXCEEDED.toException(Status.TOO_MANY_REQUESTS));
    }

    /**
     * The row after counting this request, or empty when rate limiting wrote nothing. When a use was
     * already claimed ({@code claimed}) and the row vanishes meanwhile (a concurrent verification found
     * the key used up and deleted it, as better-auth does), the claim stands and the row as claimed is
     * returned: the use was paid for.
     */
    private Optional<Row> consumeRateLimit(Row key, Instant now, boolean claimed) {
        Row row = key;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            RateLimitDecision decision = RateLimitDecision.of(row, options, now);
            Optional<Row> result = switch (decision) {
                case RateLimitDecision.Skip skip -> {
                    if (!skip.stamp()) {
                        yield Optional.empty();
                    }
                    Optional<Row> stamped = store.update(TABLE, Where.eq("id", row.id()),
                            Map.of("lastRequest", now, "updatedAt", now));
                    if (stamped.isEmpty() && !claimed) {
                        throw ApiKeyErrorCodes.INVALID_API_KEY.toException(Status.UNAUTHORIZED);
                    }
                    yield Optional.of(stamped.orElse(row));
                }
                case RateLimitDecision.Deny deny -> throw new RateLimitedException(deny.tryAgainInMillis());
                case RateLimitDecision.Increment increment -> store.incrementOne(TABLE,
                        Where.eq("id", row.id()).and("lastRequest", Operator.GT, increment.windowStart())
                                .and("requestCount", Operator.LT, increment.max()),
                        Map.of("requestCount", 1L), Map.of("lastRequest", now, "updatedAt", now));
                case RateLimitDecision.Reset reset -> store.incrementOne(TABLE,
                        Where.eq("id", row.id()).and("lastRequest", Operator.LTE, reset.windowStart()),
                        Map.of(), Map.of("requestCount", 1L, "lastRequest", now, "updatedAt", now));
                case RateLimitDecision.Start start -> store.incrementOne(TABLE,
                        Where.eq("id", row.id()).and("lastRequest", Operator.EQ, null),
                        Map.of(), Map.of("requestCount", 1L, "lastRequest", now, "updatedAt", now));
            };
            if (result.isPresent() || decision instanceof RateLimitDecision.Skip) {
                return result;
            }
            // Another verification changed the counter first: decide again on what it left.
            Optional<Row> fresh = store.findOne(TABLE, Where.eq("id", row.id()));
            if (fresh.isEmpty()) {
                if (claimed) {
                    return Optional.of(row);
                }
                throw ApiKeyErrorCodes.INVALID_API_KEY.toException(Status.UNAUTHORIZED);
            }
            row = fresh.get();
        }
        throw new RateLimitedException(0);
    }
}
