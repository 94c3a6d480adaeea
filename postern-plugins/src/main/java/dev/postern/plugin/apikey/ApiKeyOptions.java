package dev.postern.plugin.apikey;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of the {@code api-key} plugin, named and defaulted as better-auth's {@code apiKey({...})}
 * ({@code @better-auth/api-key} 1.7.5). One configuration: better-auth's array of configurations keyed by
 * {@code configId} is not supported; a request naming another {@code configId} gets this one, as
 * better-auth falls back to its default configuration.
 *
 * @param apiKeyHeaders headers that carry a key, first non-empty wins ({@code x-api-key})
 * @param defaultKeyLength random letters in a new key, after the prefix (64)
 * @param defaultPrefix prefix of new keys when the request names none, or null
 * @param minimumPrefixLength shortest accepted {@code prefix} (1)
 * @param maximumPrefixLength longest accepted {@code prefix} (32)
 * @param minimumNameLength shortest accepted {@code name} (1)
 * @param maximumNameLength longest accepted {@code name} (32)
 * @param requireName refuse keys without a name ({@code NAME_REQUIRED})
 * @param enableMetadata accept {@code metadata} (off: {@code METADATA_DISABLED})
 * @param disableKeyHashing store keys as given instead of their SHA-256 (not recommended)
 * @param storage where keys live: the database, or secondary storage
 * @param fallbackToDatabase with secondary storage: the database stays the source of truth, secondary
 *     storage a cache in front of it
 * @param enableSessionForAPIKeys a valid key in {@link #apiKeyHeaders} authenticates the request as its owner
 * @param references who owns keys: {@code user}, or {@code organization} (stored as better-auth stores
 *     it; Postern has no organizations yet, so organization-owned keys are refused)
 * @param rateLimit the per-key rate limit given to new keys
 * @param keyExpiration expiry defaults and bounds
 * @param startingCharacters whether and how much of a new key to keep in clear in {@code start}
 * @param defaultPermissions permissions of new keys created without any, or empty
 */
public record ApiKeyOptions(
        List<String> apiKeyHeaders,
        int defaultKeyLength,
        String defaultPrefix,
        int minimumPrefixLength,
        int maximumPrefixLength,
        int minimumNameLength,
        int maximumNameLength,
        boolean requireName,
        boolean enableMetadata,
        boolean disableKeyHashing,
        Storage storage,
        boolean fallbackToDatabase,
        boolean enableSessionForAPIKeys,
        References references,
        RateLimit rateLimit,
        KeyExpiration keyExpiration,
        StartingCharacters startingCharacters,
        Map<String, List<String>> defaultPermissions) {

    static final String DEFAULT_CONFIG_ID = "default";

    public ApiKeyOptions {
        apiKeyHeaders = List.copyOf(apiKeyHeaders);
        if (apiKeyHeaders.isEmpty()) {
            throw new IllegalArgumentException("apiKeyHeaders needs at least one header name");
        }
        if (defaultKeyLength < 1) {
            throw new IllegalArgumentException("defaultKeyLength must be positive");
        }
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(keyExpiration, "keyExpiration");
        Objects.requireNonNull(startingCharacters, "startingCharacters");
        defaultPermissions = defaultPermissions == null ? Map.of() : Map.copyOf(defaultPermissions);
    }

    /** better-auth's defaults. */
    public static ApiKeyOptions defaults() {
        return new ApiKeyOptions(List.of("x-api-key"), 64, null, 1, 32, 1, 32, false, false, false,
                Storage.DATABASE, false, false, References.USER, RateLimit.defaults(), KeyExpiration.defaults(),
                StartingCharacters.defaults(), Map.of());
    }

    public ApiKeyOptions withEnableSessionForAPIKeys(boolean enable) {
        return new ApiKeyOptions(apiKeyHeaders, defaultKeyLength, defaultPrefix, minimumPrefixLength,
                maximumPrefixLength, minimumNameLength, maximumNameLength, requireName, enableMetadata,
                disableKeyHashing, storage, fallbackToDatabase, enable, references, rateLimit, keyExpiration,
                startingCharacters, defaultPermissions);
    }

    public ApiKeyOptions withEnableMetadata(boolean enable) {
        return new ApiKeyOptions(apiKeyHeaders, defaultKeyLength, defaultPrefix, minimumPrefixLength,
                maximumPrefixLength, minimumNameLength, maximumNameLength, requireName, enable,
                disableKeyHashing, storage, fallbackToDatabase, enableSessionForAPIKeys, references, rateLimit,
                keyExpiration, startingCharacters, defaultPermissions);
    }

    public ApiKeyOptions withStorage(Storage newStorage, boolean newFallbackToDatabase) {
        return new ApiKeyOptions(apiKeyHeaders, defaultKeyLength, defaultPrefix, minimumPrefixLength,
                maximumPrefixLength, minimumNameLength, maximumNameLength, requireName, enableMetadata,
                disableKeyHashing, newStorage, newFallbackToDatabase, enableSessionForAPIKeys, references, rateLimit,
                keyExpiration, startingCharacters, defaultPermissions);
    }

    /** Where keys are kept ({@code storage: "database" | "secondary-storage"}). */
    public enum Storage { DATABASE, SECONDARY_STORAGE }

    /** Who owns keys ({@code references: "user" | "organization"}). */
    public enum References { USER, ORGANIZATION }

    /**
     * The per-key rate limit ({@code rateLimit: {enabled, timeWindow, maxRequests}}): at most
     * {@code maxRequests} verifications per {@code timeWindow}; 10 per day by default.
     */
    public record RateLimit(boolean enabled, long timeWindowMillis, long maxRequests) {
        public static RateLimit defaults() {
            return new RateLimit(true, Duration.ofDays(1).toMillis(), 10);
        }
    }

    /**
     * Expiry ({@code keyExpiration}): {@code defaultExpiresIn} in seconds (null: never),
     * {@code minExpiresIn}/{@code maxExpiresIn} in days, as better-auth counts them.
     */
    public record KeyExpiration(Long defaultExpiresIn, boolean disableCustomExpiresTime, double minExpiresIn,
                                double maxExpiresIn) {
        public static KeyExpiration defaults() {
            return new KeyExpiration(null, false, 1, 365);
        }
    }

    /** {@code startingCharactersConfig: {shouldStore, charactersLength}}. */
    public record StartingCharacters(boolean shouldStore, int charactersLength) {
        public static StartingCharacters defaults() {
            return new StartingCharacters(true, 6);
        }
    }
}
