package dev.postern.ratelimit;

import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.SchemaContribution;
import dev.postern.schema.Table;

/**
 * better-auth's {@code rateLimit} table, added to the schema only when counts are kept in the database
 * ({@link RateLimitStorageType#DATABASE}), field for field so either implementation can use the other's rows.
 * Physical names follow the instance's {@code NamingStrategy} (renames included), which plays the part of
 * better-auth's {@code rateLimit.modelName} and {@code rateLimit.fields}.
 */
public final class RateLimitSchema {
    public static final String TABLE = "rateLimit";
    public static final String KEY = "key";
    public static final String COUNT = "count";
    public static final String LAST_REQUEST = "lastRequest";
    /** After the core tables; nothing references it. */
    private static final int ORDER = 100;

    private RateLimitSchema() {
    }

    /**
     * Whether the schema has the table: whenever database storage is chosen, as in better-auth, even while
     * limiting is switched off, so turning it on and off never changes what migrations expect.
     */
    public static boolean needed(RateLimitSettings settings) {
        return settings.storage().orElse(null) == RateLimitStorageType.DATABASE;
    }

    public static SchemaContribution contribution() {
        return SchemaContribution.tables(Table.of(TABLE, ORDER,
                Field.of(KEY, FieldType.STRING).unique(),
                Field.of(COUNT, FieldType.NUMBER),
                Field.of(LAST_REQUEST, FieldType.NUMBER).bigint()));
    }
}
