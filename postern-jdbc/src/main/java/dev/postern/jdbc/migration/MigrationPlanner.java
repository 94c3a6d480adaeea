package dev.postern.jdbc.migration;

import dev.postern.jdbc.Dialect;
import dev.postern.jdbc.migration.LiveSchema.LiveColumn;
import dev.postern.jdbc.migration.LiveSchema.LiveTable;
import dev.postern.schema.Field;
import dev.postern.schema.SchemaModel;
import dev.postern.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the schema model with a {@link LiveSchema} and lists what is missing. It only ever adds:
 * extra tables, columns and indexes are left alone, and an existing column is never altered, even
 * when its type or nullability differs (that is logged, since changing it could lose data).
 *
 * <p>Order: new tables in model order (referenced tables first), then new columns (which may reference
 * a new table), then indexes (which may be on a new column).
 */
final class MigrationPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationPlanner.class);

    /** Tells whether an existing table holds rows; asked only when a required column is added. */
    @FunctionalInterface
    interface RowProbe {
        boolean hasRows(String table);
    }

    private final Dialect dialect;
    private final SchemaModel schema;
    private final ColumnDefinitions definitions;

    MigrationPlanner(Dialect dialect, SchemaModel schema) {
        this.dialect = dialect;
        this.schema = schema;
        this.definitions = new ColumnDefinitions(dialect, schema.naming());
    }

    /** The physical names of the model's tables, the ones the live schema must be read for. */
    List<String> tableNames() {
        return schema.tables().stream().map(table -> schema.naming().table(table.name())).toList();
    }

    MigrationPlan plan(LiveSchema live, RowProbe rows) {
        List<Change> tables = new ArrayList<>();
        List<Change> columns = new ArrayList<>();
        List<Change> indexes = new ArrayList<>();
        List<String> plannedIndexNames = new ArrayList<>();
        for (Table table : schema.tables()) {
            String physical = schema.naming().table(table.name());
            Optional<LiveTable> existing = live.table(physical);
            if (existing.isEmpty()) {
                List<ColumnDefinition> definitionsOfTable = new ArrayList<>();
                definitionsOfTable.add(definitions.primaryKey());
                for (Field field : table.fields()) {
                    definitionsOfTable.add(definitions.forNewTable(table, field));
                    // Unique fields are indexed by their inline constraint already.
                    if (field.indexed() && !field.unique()) {
                        addIndex(indexes, plannedIndexNames, live, physical, definitions.column(table, field), false);
                    }
                }
                tables.add(new CreateTable(dialect, physical, definitionsOfTable));
                continue;
            }
            LiveTable liveTable = existing.get();
            for (Field field : table.fields()) {
                String column = definitions.column(table, field);
                Optional<LiveColumn> liveColumn = liveTable.column(column);
                if (liveColumn.isEmpty()) {
                    boolean hasRows = field.required() && rows.hasRows(liveTable.name());
                    if (definitions.addedAsNullable(table, field, hasRows)) {
                        LOG.warn("Column {}.{} is required but is added as nullable: {}", liveTable.name(), column,
                                dialect == Dialect.SQLITE
                                        ? "SQLite cannot add a NOT NULL column without a constant default"
                                        : "the table has rows and the field has no database default; backfill it, then add NOT NULL");
                    }
                    columns.add(new AddColumn(dialect, liveTable.name(),
                            definitions.forExistingTable(table, field, hasRows)));
                    if (field.unique() || field.indexed()) {
                        addIndex(indexes, plannedIndexNames, live, liveTable.name(), column, field.unique());
                    }
                    continue;
                }
                LiveColumn found = liveColumn.get();
                if (!ColumnTypes.compatible(dialect, field, found.type())) {
                    LOG.warn("Column {}.{} has type {} where the schema expects {}; it is left as it is",
                            liveTable.name(), found.name(), found.type(), ColumnTypes.of(dialect, field));
                }
                if ((field.unique() || field.indexed()) && !liveTable.hasIndexLeadingWith(found.name(), field.unique())) {
                    if (dialect == Dialect.MYSQL && unboundedOnMySql(found)) {
                        LOG.warn("Column {}.{} should be {} but is of type {}, which MySQL cannot index without a "
                                        + "length; change it to varchar(255) and migrate again", liveTable.name(),
                                found.name(), field.unique() ? "unique" : "indexed", found.type());
                        continue;
                    }
                    addIndex(indexes, plannedIndexNames, live, liveTable.name(), found.name(), field.unique());
                }
            }
        }
        List<Change> all = new ArrayList<>(tables);
        all.addAll(columns);
        all.addAll(indexes);
        return new MigrationPlan(all);
    }

    /** Plans an index unless its name is taken: by then it exists in some other form, and a clash would fail. */
    private void addIndex(List<Change> indexes, List<String> plannedNames, LiveSchema live, String table,
                          String column, boolean unique) {
        String name = IndexNames.of(table, column, unique);
        boolean taken = plannedNames.contains(name.toLowerCase(Locale.ROOT)) || live.hasIndexNamed(name)
                || live.table(table).map(t -> t.indexes().stream().anyMatch(i -> i.name().equalsIgnoreCase(name)))
                        .orElse(false);
        if (taken) {
            LOG.warn("Index {} is not created on {}.{}: an index of that name exists already", name, table, column);
            return;
        }
        plannedNames.add(name.toLowerCase(Locale.ROOT));
        indexes.add(new CreateIndex(dialect, name, table, column, unique));
    }

    private static boolean unboundedOnMySql(LiveColumn column) {
        String type = column.type().toLowerCase(Locale.ROOT);
        return type.contains("text") || type.contains("blob") || type.contains("json");
    }
}
