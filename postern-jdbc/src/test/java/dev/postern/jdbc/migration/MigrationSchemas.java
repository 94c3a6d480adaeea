package dev.postern.jdbc.migration;

import static dev.postern.schema.FieldType.BOOLEAN;
import static dev.postern.schema.FieldType.DATE;
import static dev.postern.schema.FieldType.JSON;
import static dev.postern.schema.FieldType.NUMBER;
import static dev.postern.schema.FieldType.NUMBER_ARRAY;
import static dev.postern.schema.FieldType.STRING;
import static dev.postern.schema.FieldType.STRING_ARRAY;

import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.NamingStrategy;
import dev.postern.schema.SchemaContribution;
import dev.postern.schema.SchemaModel;
import dev.postern.schema.Table;

/** Schema models the migration tests run: better-auth's core, plus tables that use every field type. */
final class MigrationSchemas {

    private MigrationSchemas() {
    }

    static SchemaModel core() {
        return SchemaModel.builder().add(CoreSchema.contribution()).build();
    }

    static SchemaModel core(NamingStrategy naming) {
        return SchemaModel.builder().naming(naming).add(CoreSchema.contribution()).build();
    }

    /** The core plus a table with one column of every logical type. */
    static SchemaModel withEveryType() {
        return SchemaModel.builder().add(CoreSchema.contribution()).table(everyType()).build();
    }

    static Table everyType() {
        return Table.of("sample", 10,
                Field.of("label", STRING).sortable(),
                Field.of("code", STRING).unique(),
                Field.of("note", STRING).optional(),
                Field.of("amount", NUMBER),
                Field.of("total", NUMBER).bigint(),
                Field.of("active", BOOLEAN).defaultValue(false),
                Field.of("seenAt", DATE).defaultValue(CoreSchema.NOW),
                Field.of("metadata", JSON).optional(),
                Field.of("tags", STRING_ARRAY),
                Field.of("scores", NUMBER_ARRAY),
                Field.of("userId", STRING).indexed().references(CoreSchema.USER, "id", Field.OnDelete.CASCADE));
    }

    /**
     * What better-auth 1.7.25's two-factor plugin adds, field for field: its own table and a flag on the
     * user. The compatibility test runs the real plugin against it.
     */
    static SchemaContribution twoFactor() {
        SchemaContribution table = SchemaContribution.tables(Table.of("twoFactor", 5,
                Field.of("secret", STRING).indexed().hidden(),
                Field.of("backupCodes", STRING).hidden(),
                Field.of("userId", STRING).indexed().hidden()
                        .references(CoreSchema.USER, "id", Field.OnDelete.CASCADE),
                Field.of("verified", BOOLEAN).optional().defaultValue(true).noInput(),
                Field.of("failedVerificationCount", NUMBER).optional().defaultValue(0L).noInput().hidden(),
                Field.of("lockedUntil", DATE).optional().noInput().hidden()));
        SchemaContribution flag = SchemaContribution.fields(CoreSchema.USER,
                Field.of("twoFactorEnabled", BOOLEAN).optional().defaultValue(false).noInput());
        return new SchemaContribution(table.tables(), flag.fields());
    }

    static SchemaModel coreWithTwoFactor() {
        return SchemaModel.builder().add(CoreSchema.contribution()).add(twoFactor()).build();
    }
}
