package dev.postern.plugin.apikey;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.http.Status;
import dev.postern.json.Json;
import dev.postern.storage.SecondaryStorage;
import dev.postern.store.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the api-key endpoints, the session hook and the Java API share: making keys, finding them,
 * verifying them (better-auth's {@code validateApiKey}) and sweeping expired ones.
 */
final class ApiKeyService {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** better-auth sweeps expired keys at most every 10 seconds on its own. */
    private static final long SWEEP_EVERY_MILLIS = 10_000;

    private final ApiKeyOptions options;
    private final ApiKeyStore keys;
    private final Clock clock;
    private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

    ApiKeyService(Postern postern, ApiKeyOptions options) {
        this.options = options;
        this.clock = postern.config().clock();
        this.keys = storeFor(postern, options);
    }

    private static ApiKeyStore storeFor(Postern postern, ApiKeyOptions options) {
        DatabaseApiKeyStore database = new DatabaseApiKeyStore(postern.store(), options);
        if (options.storage() == ApiKeyOptions.Storage.DATABASE) {
            return database;
        }
        SecondaryStorage storage = postern.config().secondaryStorage().orElseThrow(() -> new IllegalStateException(
                "api-key: storage \"secondary-storage\" needs secondary storage (secondaryStorage.url / POSTERN_REDIS_URL)"));
        return options.fallbackToDatabase() ? new CachedApiKeyStore(database, storage)
                : new SecondaryApiKeyStore(storage, options);
    }

    ApiKeyOptions options() {
        return options;
    }

    ApiKeyStore keys() {
        return keys;
    }

    Instant now() {
        return clock.instant();
    }

    /** A new key: the prefix, then {@code defaultKeyLength} random letters (better-auth's generator). */
    String generate(String prefix) {
        return (prefix == null ? "" : prefix) + Ids.random(options.defaultKeyLength(), LETTERS);
    }

    String hash(String key) {
        return options.disableKeyHashing() ? key : ApiKeyHasher.hash(key);
    }

    /** Stores a new key for {@code referenceId}; {@code fields} holds what the request set. */
    Row create(String plaintext, String referenceId, Map<String, Object> fields) {
        Instant now = now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("configId", ApiKeyOptions.DEFAULT_CONFIG_ID);
        data.put("createdAt", now);
        data.put("updatedAt", now);
        data.put("start", options.startingCharacters().shouldStore()
                ? plaintext.substring(0, Math.min(plaintext.length(), options.startingCharacters().charactersLength()))
                : null);
        data.put("key", hash(plaintext));
        data.put("enabled", true);
        data.put("referenceId", referenceId);
        data.put("lastRefillAt", null);
        data.put("lastRequest", null);
        data.put("requestCount", 0L);
        data.putAll(fields);
        return keys.create(data);
    }

    /**
     * better-auth's {@code validateApiKey}: finds the key by its hash (one indexed lookup), refuses it when
     * disabled, expired (and deletes it), short of {@code permissions} or used up (and deletes it), then
     * claims one use. Returns the key as stored after the claim.
     */
    Row verify(String plaintext, Map<String, List<String>> permissions, String expectedConfigId) {
        Row key = keys.findByHash(hash(plaintext))
                .orElseThrow(() -> ApiKeyErrorCodes.INVALID_API_KEY.toException(Status.UNAUTHORIZED));
        if (expectedConfigId != null && !configIdMatches(key.string("configId"), expectedConfigId)) {
            throw ApiKeyErrorCodes.INVALID_API_KEY.toException(Status.UNAUTHORIZED);
        }
        if (Boolean.FALSE.equals(key.bool("enabled"))) {
            throw ApiKeyErrorCodes.KEY_DISABLED.toException(Status.UNAUTHORIZED);
        }
        Instant now = now();
        Instant expiresAt = key.instant("expiresAt");
        if (expiresAt != null && now.isAfter(expiresAt)) {
            keys.delete(key);
            throw ApiKeyErrorCodes.KEY_EXPIRED.toException(Status.UNAUTHORIZED);
        }
        if (permissions != null && !ApiKeyPermissions.authorize(key.string("permissions"), permissions)) {
            throw ApiKeyErrorCodes.KEY_NOT_FOUND.toException(Status.UNAUTHORIZED);
        }
        Long remaining = key.number("remaining");
        if (remaining != null && remaining == 0 && key.number("refillAmount") == null) {
            keys.delete(key);
            throw ApiKeyErrorCodes.USAGE_EXCEEDED.toException(Status.TOO_MANY_REQUESTS);
        }
        return keys.claimUsage(key, now);
    }

    /** Deletes expired keys; unless {@code force}, at most once every 10 seconds, as better-auth. */
    long deleteExpired(boolean force) {
        long now = clock.millis();
        long last = lastSweep.get();
        if (!force && last != Long.MIN_VALUE && now - last < SWEEP_EVERY_MILLIS) {
            return 0;
        }
        lastSweep.set(now);
        return keys.deleteExpired(Instant.ofEpochMilli(now));
    }

    /** Best-effort sweep after a request, as better-auth's un-awaited one: a failure never fails the request. */
    void sweepQuietly() {
        try {
            deleteExpired(false);
        } catch (RuntimeException ignored) {
            // The next sweep retries; expired keys are refused on verification anyway.
        }
    }

    /** better-auth's {@code configIdMatches}: null, absent and "default" are the same configuration. */
    static boolean configIdMatches(String keyConfigId, String expected) {
        boolean keyDefault = keyConfigId == null || keyConfigId.isEmpty() || keyConfigId.equals(ApiKeyOptions.DEFAULT_CONFIG_ID);
        boolean expectedDefault = expected == null || expected.isEmpty() || expected.equals(ApiKeyOptions.DEFAULT_CONFIG_ID);
        return keyDefault && expectedDefault || java.util.Objects.equals(keyConfigId, expected);
    }

    /** When the session an API key stands for ends: the key's expiry, else better-auth's fallback. */
    Instant mockSessionExpiry(Row key, Duration sessionExpiresIn) {
        Instant expiresAt = key.instant("expiresAt");
        if (expiresAt != null) {
            return expiresAt;
        }
        // better-auth adds session.expiresIn (seconds) as milliseconds here; kept for identical answers.
        return now().plusMillis(sessionExpiresIn.toSeconds());
    }

    static String json(Object value) {
        return Json.write(value);
    }
}
