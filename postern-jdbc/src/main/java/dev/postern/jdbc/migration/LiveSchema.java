package dev.postern.jdbc.migration;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the database holds, as far as migrations care: tables, their columns and their indexes.
 * Lookups ignore case because MySQL on some systems, and any hand-made table, may not keep the exact
 * case the schema model asks for.
 *
 * @param tables the tables a plan is about that exist, keyed by lower-case table name
 * @param indexNames every index name in the schema; SQLite and PostgreSQL scope index names to the
 *     schema rather than the table, so a new index must not take a name used elsewhere
 */
record LiveSchema(Map<String, LiveTable> tables, List<String> indexNames) {

    LiveSchema {
        tables = Map.copyOf(tables);
        indexNames = List.copyOf(indexNames);
    }

    /** A database with nothing in it, which {@link Migrator#generate} plans against. */
    static LiveSchema empty() {
        return new LiveSchema(Map.of(), List.of());
    }

    Optional<LiveTable> table(String name) {
        return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Whether an index of this name exists anywhere in the schema. */
    boolean hasIndexNamed(String name) {
        return indexNames.stream().anyMatch(existing -> existing.equalsIgnoreCase(name));
    }

    /** @param columns keyed by lower-case column name */
    record LiveTable(String name, Map<String, LiveColumn> columns, List<LiveIndex> indexes) {

        LiveTable {
            columns = Map.copyOf(columns);
            indexes = List.copyOf(indexes);
        }

        Optional<LiveColumn> column(String name) {
            return Optional.ofNullable(columns.get(name.toLowerCase(Locale.ROOT)));
        }

        /** Whether some index starts with this column (and is unique, when asked): it serves lookups on it. */
        boolean hasIndexLeadingWith(String column, boolean mustBeUnique) {
            return indexes.stream().anyMatch(index -> !index.columns().isEmpty()
                    && index.columns().getFirst().equalsIgnoreCase(column)
                    && (!mustBeUnique || (index.unique() && index.columns().size() == 1)));
        }
    }

    record LiveColumn(String name, String type, boolean nullable) {
    }

    record LiveIndex(String name, boolean unique, List<String> columns) {
    }
}
