package dev.postern.ratelimit;

/**
 * Where request counts are kept, as better-auth's {@code rateLimit.storage}: {@code "memory"},
 * {@code "database"} or {@code "secondary-storage"}.
 */
public enum RateLimitStorageType {
    /** In this process, bounded; counts are per instance and lost on restart. */
    MEMORY,
    /** In the {@code rateLimit} table, shared by every instance on the database. */
    DATABASE,
    /** In the configured secondary storage (Redis, say) with atomic increments, shared by every instance. */
    SECONDARY_STORAGE
}
