package dev.postern.jdbc.migration;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a migration does, in execution order: referenced tables before the tables that reference them,
 * then added columns, then indexes. Empty when the database already matches the schema model.
 */
public record MigrationPlan(List<Change> changes) {

    public MigrationPlan {
        changes = List.copyOf(changes);
    }

    public static MigrationPlan empty() {
        return new MigrationPlan(List.of());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The SQL statements in execution order, without trailing semicolons (JDBC wants none). */
    public List<String> statements() {
        return changes.stream().map(Change::sql).toList();
    }

    /** One line per change, e.g. {@code add column user.twoFactorEnabled}; "up to date" when empty. */
    public String describe() {
        if (changes.isEmpty()) {
            return "up to date";
        }
        return changes.stream().map(Change::describe).collect(Collectors.joining("\n"));
    }

    /** The plan as a script: statements separated by blank lines, each ending with a semicolon. */
    public String script() {
        return changes.stream().map(change -> change.sql() + ";\n").collect(Collectors.joining("\n"));
    }
}
