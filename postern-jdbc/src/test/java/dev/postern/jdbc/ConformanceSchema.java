package dev.postern.jdbc;

import static dev.postern.schema.FieldType.BOOLEAN;
import static dev.postern.schema.FieldType.DATE;
import static dev.postern.schema.FieldType.JSON;
import static dev.postern.schema.FieldType.NUMBER;
import static dev.postern.schema.FieldType.NUMBER_ARRAY;
import static dev.postern.schema.FieldType.STRING;
import static dev.postern.schema.FieldType.STRING_ARRAY;

import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.SchemaModel;
import dev.postern.schema.Table;

/**
 * The schema the store conformance suite runs on: better-auth's core tables, plus a {@code gadget}
 * table with one field of every logical type so each encoding is exercised on every database.
 */
final class ConformanceSchema {
    static final String GADGET = "gadget";
    /** Tables in the order rows must be deleted (children first). */
    static final String[] TABLES_CHILDREN_FIRST = {CoreSchema.SESSION, CoreSchema.ACCOUNT, CoreSchema.VERIFICATION,
        GADGET, CoreSchema.USER};

    static final SchemaModel SCHEMA = SchemaModel.builder()
            .add(CoreSchema.contribution())
            .table(gadget())
            .build();

    private ConformanceSchema() {
    }

    static Table gadget() {
        return Table.of(GADGET, 10,
                Field.of("name", STRING).sortable(),
                Field.of("code", STRING).unique().optional(),
                Field.of("label", STRING).optional(),
                Field.of("score", NUMBER).optional(),
                Field.of("big", NUMBER).bigint().optional(),
                Field.of("active", BOOLEAN).defaultValue(true),
                Field.of("seenAt", DATE).optional(),
                Field.of("meta", JSON).optional(),
                Field.of("tags", STRING_ARRAY).optional(),
                Field.of("lucky", NUMBER_ARRAY).optional(),
                Field.of("createdAt", DATE).defaultValue(CoreSchema.NOW));
    }
}
