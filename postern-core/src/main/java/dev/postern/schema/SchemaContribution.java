package dev.postern.schema;

import java.util.List;
import java.util.Map;

/**
 * What a plugin (or the user's configuration) adds to the schema: whole tables, and fields on tables
 * that exist already ({@code user.twoFactorEnabled}).
 */
public record SchemaContribution(List<Table> tables, Map<String, List<Field>> fields) {

    public static final SchemaContribution NONE = new SchemaContribution(List.of(), Map.of());

    public SchemaContribution {
        tables = List.copyOf(tables);
        fields = Map.copyOf(fields);
    }

    public static SchemaContribution tables(Table... tables) {
        return new SchemaContribution(List.of(tables), Map.of());
    }

    public static SchemaContribution fields(String table, Field.Builder... fields) {
        return new SchemaContribution(List.of(), Map.of(table, java.util.Arrays.stream(fields).map(Field.Builder::build).toList()));
    }
}
