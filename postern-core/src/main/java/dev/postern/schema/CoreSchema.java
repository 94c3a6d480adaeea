package dev.postern.schema;

import static dev.postern.schema.FieldType.BOOLEAN;
import static dev.postern.schema.FieldType.DATE;
import static dev.postern.schema.FieldType.STRING;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * better-auth's four core tables (npm 1.7.25: no {@code account.issuer}), field for field, so a
 * database it created is one Postern recognises as up to date.
 */
public final class CoreSchema {
    public static final String USER = "user";
    public static final String SESSION = "session";
    public static final String ACCOUNT = "account";
    public static final String VERIFICATION = "verification";

    /** Dates are written with millisecond precision, as JavaScript's {@code new Date()}. */
    public static final Supplier<Object> NOW = () -> Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private CoreSchema() {
    }

    public static SchemaContribution contribution() {
        return SchemaContribution.tables(user(), session(), account(), verification());
    }

    public static Table user() {
        return Table.of(USER, 1,
                Field.of("name", STRING).sortable(),
                Field.of("email", STRING).unique().sortable(),
                Field.of("emailVerified", BOOLEAN).defaultValue(false).noInput(),
                Field.of("image", STRING).optional(),
                Field.of("createdAt", DATE).defaultValue(NOW),
                Field.of("updatedAt", DATE).defaultValue(NOW));
    }

    public static Table session() {
        return Table.of(SESSION, 2,
                Field.of("expiresAt", DATE),
                Field.of("token", STRING).unique(),
                Field.of("createdAt", DATE).defaultValue(NOW),
                Field.of("updatedAt", DATE),
                Field.of("ipAddress", STRING).optional(),
                Field.of("userAgent", STRING).optional(),
                Field.of("userId", STRING).indexed().references(USER, "id", Field.OnDelete.CASCADE));
    }

    public static Table account() {
        return Table.of(ACCOUNT, 3,
                Field.of("accountId", STRING),
                Field.of("providerId", STRING),
                Field.of("userId", STRING).indexed().references(USER, "id", Field.OnDelete.CASCADE),
                Field.of("accessToken", STRING).optional().hidden(),
                Field.of("refreshToken", STRING).optional().hidden(),
                Field.of("idToken", STRING).optional().hidden(),
                Field.of("accessTokenExpiresAt", DATE).optional().hidden(),
                Field.of("refreshTokenExpiresAt", DATE).optional().hidden(),
                Field.of("scope", STRING).optional(),
                Field.of("password", STRING).optional().hidden(),
                Field.of("createdAt", DATE).defaultValue(NOW),
                Field.of("updatedAt", DATE));
    }

    public static Table verification() {
        return Table.of(VERIFICATION, 4,
                Field.of("identifier", STRING).indexed(),
                Field.of("value", STRING),
                Field.of("expiresAt", DATE),
                Field.of("createdAt", DATE).defaultValue(NOW),
                Field.of("updatedAt", DATE).defaultValue(NOW));
    }
}
