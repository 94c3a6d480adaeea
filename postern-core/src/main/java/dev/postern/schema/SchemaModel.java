package dev.postern.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole database schema Postern works with: the core tables merged with every enabled plugin's
 * contribution and the user's additional fields, plus the naming strategy that maps it to physical
 * names. Migrations, the store and the documentation all read this one model.
 */
public final class SchemaModel {
    private final Map<String, Table> tables;
    private final NamingStrategy naming;

    private SchemaModel(Map<String, Table> tables, NamingStrategy naming) {
        this.tables = tables;
        this.naming = naming;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Tables in creation order (referenced tables first). */
    public List<Table> tables() {
        return tables.values().stream().sorted(Comparator.comparingInt(Table::order)).toList();
    }

    public Optional<Table> table(String logicalName) {
        return Optional.ofNullable(tables.get(logicalName));
    }

    /** The table, or an exception naming the known ones: a typo in a plugin should fail loudly. */
    public Table require(String logicalName) {
        Table table = tables.get(logicalName);
        if (table == null) {
            throw new IllegalArgumentException("Unknown model '" + logicalName + "'; known: " + tables.keySet());
        }
        return table;
    }

    public NamingStrategy naming() {
        return naming;
    }

    /** Collects tables and fields; later contributions to the same field replace earlier ones. */
    public static final class Builder {
        private final Map<String, Table> tables = new LinkedHashMap<>();
        private final Map<String, List<Field>> pendingFields = new LinkedHashMap<>();
        private NamingStrategy naming = NamingStrategy.betterAuth();

        public Builder naming(NamingStrategy naming) {
            this.naming = Objects.requireNonNull(naming, "naming");
            return this;
        }

        public Builder table(Table table) {
            Table existing = tables.get(table.name());
            tables.put(table.name(), existing == null ? table : existing.plus(table.fields()));
            return this;
        }

        public Builder fields(String table, List<Field> fields) {
            pendingFields.computeIfAbsent(table, k -> new ArrayList<>()).addAll(fields);
            return this;
        }

        public Builder add(SchemaContribution contribution) {
            contribution.tables().forEach(this::table);
            contribution.fields().forEach(this::fields);
            return this;
        }

        public SchemaModel build() {
            Map<String, Table> merged = new LinkedHashMap<>(tables);
            pendingFields.forEach((tableName, fields) -> {
                Table table = merged.get(tableName);
                if (table == null) {
                    throw new IllegalArgumentException(
                            "Fields were added to unknown table '" + tableName + "'; known: " + merged.keySet());
                }
                merged.put(tableName, table.plus(fields));
            });
            for (Table table : merged.values()) {
                for (Field field : table.fields()) {
                    if (field.references() != null && !merged.containsKey(field.references().table())) {
                        throw new IllegalArgumentException("Field " + table.name() + "." + field.name()
                                + " references unknown table '" + field.references().table() + "'");
                    }
                }
            }
            return new SchemaModel(Map.copyOf(merged), naming);
        }
    }
}
