package dev.postern.plugin.twofactor;

import static dev.postern.schema.FieldType.BOOLEAN;
import static dev.postern.schema.FieldType.DATE;
import static dev.postern.schema.FieldType.NUMBER;
import static dev.postern.schema.FieldType.STRING;

import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.SchemaContribution;
import dev.postern.schema.Table;
import java.util.List;
import java.util.Map;

/**
 * better-auth 1.7.25's two-factor schema, field for field: {@code user.twoFactorEnabled} and the
 * {@code twoFactor} table (secret and backup codes encrypted, the enrolment flag, the lockout counter).
 */
final class TwoFactorSchema {
    static final String TABLE = "twoFactor";
    static final String ENABLED = "twoFactorEnabled";

    private TwoFactorSchema() {
    }

    static SchemaContribution contribution() {
        Table table = Table.of(TABLE, 10,
                Field.of("secret", STRING).indexed().hidden(),
                Field.of("backupCodes", STRING).hidden(),
                Field.of("userId", STRING).indexed().hidden().references(CoreSchema.USER, "id", Field.OnDelete.CASCADE),
                Field.of("verified", BOOLEAN).optional().defaultValue(true).noInput(),
                Field.of("failedVerificationCount", NUMBER).optional().defaultValue(0L).noInput().hidden(),
                Field.of("lockedUntil", DATE).optional().noInput().hidden());
        Field enabled = Field.of(ENABLED, BOOLEAN).optional().defaultValue(false).noInput().build();
        return new SchemaContribution(List.of(table), Map.of(CoreSchema.USER, List.of(enabled)));
    }
}
