package dev.postern.plugin.apikey;

import static dev.postern.schema.FieldType.BOOLEAN;
import static dev.postern.schema.FieldType.DATE;
import static dev.postern.schema.FieldType.NUMBER;
import static dev.postern.schema.FieldType.STRING;

import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.SchemaContribution;
import dev.postern.schema.Table;

/**
 * better-auth's {@code apikey} table (wire reference §7.5), column for column. {@code key} holds the hash
 * and is indexed: verifying a key is one indexed lookup. {@code referenceId} (the owner) and
 * {@code configId} are indexed as better-auth indexes them. {@code permissions} and {@code metadata} are
 * JSON text, as better-auth stores them.
 */
final class ApiKeySchema {
    static final String TABLE = "apikey";
    private static final int ORDER = 30;

    private ApiKeySchema() {
    }

    static SchemaContribution contribution(ApiKeyOptions options) {
        return SchemaContribution.tables(Table.of(TABLE, ORDER,
                Field.of("configId", STRING).defaultValue(ApiKeyOptions.DEFAULT_CONFIG_ID).noInput().indexed(),
                Field.of("name", STRING).optional().noInput(),
                Field.of("start", STRING).optional().noInput(),
                Field.of("referenceId", STRING).noInput().indexed(),
                Field.of("prefix", STRING).optional().noInput(),
                Field.of("key", STRING).noInput().indexed(),
                Field.of("refillInterval", NUMBER).optional().noInput(),
                Field.of("refillAmount", NUMBER).optional().noInput(),
                Field.of("lastRefillAt", DATE).optional().noInput(),
                Field.of("enabled", BOOLEAN).optional().noInput().defaultValue(true),
                Field.of("rateLimitEnabled", BOOLEAN).optional().noInput().defaultValue(true),
                Field.of("rateLimitTimeWindow", NUMBER).optional().noInput()
                        .defaultValue(options.rateLimit().timeWindowMillis()),
                Field.of("rateLimitMax", NUMBER).optional().noInput().defaultValue(options.rateLimit().maxRequests()),
                Field.of("requestCount", NUMBER).optional().noInput().defaultValue(0L),
                Field.of("remaining", NUMBER).optional().noInput(),
                Field.of("lastRequest", DATE).optional().noInput(),
                Field.of("expiresAt", DATE).optional().noInput(),
                Field.of("createdAt", DATE).noInput().defaultValue(CoreSchema.NOW),
                Field.of("updatedAt", DATE).noInput().defaultValue(CoreSchema.NOW),
                Field.of("permissions", STRING).optional().noInput(),
                Field.of("metadata", STRING).optional()));
    }
}
