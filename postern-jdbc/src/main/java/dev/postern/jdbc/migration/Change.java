package dev.postern.jdbc.migration;

/**
 * One step of a {@link MigrationPlan}: a table, column or index that the schema model has and the
 * database lacks. Each change renders its own SQL for the dialect it was planned for, so a plan can be
 * printed, reviewed and applied without re-reading the model.
 */
public sealed interface Change permits CreateTable, AddColumn, CreateIndex {

    /** The SQL statement, without a trailing semicolon. */
    String sql();

    /** One human line, e.g. {@code create table user}. */
    String describe();
}
