package dev.postern.jdbc.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.jdbc.Dialect;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.NamingStrategy;
import dev.postern.schema.SchemaContribution;
import dev.postern.schema.SchemaModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Migrations against real SQLite, PostgreSQL and MariaDB databases, each test on a fresh database. */
class MigratorTest {
    @TempDir
    Path folder;

    private DataSource fresh(Dialect dialect) {
        return MigrationDatabases.fresh(dialect, folder, MigrationDatabases.DATABASE);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migrateWhenDatabaseEmptyThenCreatesEveryTableAndAcceptsEveryColumnType(Dialect dialect) throws SQLException {
        DataSource dataSource = fresh(dialect);

        MigrationPlan applied = new Migrator(dataSource, dialect, MigrationSchemas.withEveryType()).migrate();

        assertThat(applied.describe().lines()).containsExactly(
                "create table user", "create table session", "create table account", "create table verification",
                "create table sample",
                "create index session_userId_idx", "create index account_userId_idx",
                "create index verification_identifier_idx", "create index sample_userId_idx");
        try (Connection connection = dataSource.getConnection()) {
            insertUser(connection, dialect, "u1");
            String json = dialect == Dialect.POSTGRES ? "cast(? as jsonb)" : "?";
            try (PreparedStatement insert = connection.prepareStatement(quoteAll(dialect,
                    "insert into `sample` (`id`, `label`, `code`, `note`, `amount`, `total`, `active`, `seenAt`, "
                            + "`metadata`, `tags`, `scores`, `userId`) values (?, ?, ?, ?, ?, ?, ?, ?, "
                            + json + ", " + json + ", " + json + ", ?)"))) {
                insert.setString(1, "s1");
                insert.setString(2, "label");
                insert.setString(3, "code-1");
                insert.setNull(4, java.sql.Types.VARCHAR);
                insert.setInt(5, 42);
                insert.setLong(6, 9_007_199_254_740_993L);
                insert.setBoolean(7, true);
                insert.setTimestamp(8, Timestamp.from(Instant.parse("2026-01-02T03:04:05.678Z")));
                insert.setString(9, "{\"plan\":\"pro\"}");
                insert.setString(10, "[\"a\",\"b\"]");
                insert.setString(11, "[1,2]");
                insert.setString(12, "u1");
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (Statement query = connection.createStatement();
                 ResultSet row = query.executeQuery(quoteAll(dialect, "select `total`, `active` from `sample`"))) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong(1)).isEqualTo(9_007_199_254_740_993L);
                assertThat(row.getBoolean(2)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migrateWhenRunTwiceThenSecondRunAppliesNothing(Dialect dialect) {
        DataSource dataSource = fresh(dialect);
        Migrator migrator = new Migrator(dataSource, dialect, MigrationSchemas.withEveryType());

        assertThat(migrator.migrate().isEmpty()).isFalse();

        assertThat(migrator.plan().isEmpty()).isTrue();
        assertThat(migrator.migrate().changes()).isEmpty();
        assertThat(migrator.plan().describe()).isEqualTo("up to date");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void planWhenPluginAddsTableAndFieldThenPlansExactlyThose(Dialect dialect) throws SQLException {
        DataSource dataSource = fresh(dialect);
        new Migrator(dataSource, dialect, MigrationSchemas.core()).migrate();
        try (Connection connection = dataSource.getConnection()) {
            insertUser(connection, dialect, "existing");
        }
        Migrator withPlugin = new Migrator(dataSource, dialect, MigrationSchemas.coreWithTwoFactor());

        MigrationPlan plan = withPlugin.plan();

        assertThat(plan.describe().lines()).containsExactly(
                "create table twoFactor", "add column user.twoFactorEnabled", "create index twoFactor_secret_idx",
                "create index twoFactor_userId_idx");
        assertThat(withPlugin.migrate().describe()).isEqualTo(plan.describe());
        assertThat(withPlugin.plan().isEmpty()).isTrue();
        try (Connection connection = dataSource.getConnection(); Statement query = connection.createStatement();
             ResultSet row = query.executeQuery(quoteAll(dialect, "select `twoFactorEnabled` from `user`"))) {
            assertThat(row.next()).isTrue();
            assertThat(row.getBoolean(1)).as("existing rows get the constant default").isFalse();
            assertThat(row.wasNull()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migrateWhenRequiredAndUniqueFieldsAddedToPopulatedTableThenAddsThemSafely(Dialect dialect) throws SQLException {
        DataSource dataSource = fresh(dialect);
        new Migrator(dataSource, dialect, MigrationSchemas.core()).migrate();
        try (Connection connection = dataSource.getConnection()) {
            insertUser(connection, dialect, "existing");
        }
        SchemaModel extended = SchemaModel.builder().add(CoreSchema.contribution())
                .add(SchemaContribution.fields(CoreSchema.USER,
                        Field.of("username", FieldType.STRING).unique().optional(),
                        Field.of("tenant", FieldType.STRING)))
                .build();

        MigrationPlan applied = new Migrator(dataSource, dialect, extended).migrate();

        assertThat(applied.describe().lines()).containsExactly(
                "add column user.username", "add column user.tenant", "create unique index user_username_uidx");
        assertThat(new Migrator(dataSource, dialect, extended).plan().isEmpty()).isTrue();
        try (Connection connection = dataSource.getConnection()) {
            insertUser(connection, dialect, "second");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migrateWhenSnakeCaseNamingThenCreatesSnakeCaseTablesAndColumns(Dialect dialect) throws SQLException {
        DataSource dataSource = fresh(dialect);
        SchemaModel snake = SchemaModel.builder().naming(NamingStrategy.snakeCase())
                .add(CoreSchema.contribution()).add(MigrationSchemas.twoFactor()).build();

        MigrationPlan applied = new Migrator(dataSource, dialect, snake).migrate();

        assertThat(applied.describe()).contains("create table two_factor", "create index session_user_id_idx",
                "create index two_factor_user_id_idx");
        assertThat(applied.statements()).noneMatch(sql -> sql.contains("userId") || sql.contains("emailVerified"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into two_factor (id, secret, backup_codes, user_id, locked_until) "
                    + "select 'x', 's', 'b', 'missing', null from " + dialect.quote("user") + " where 1 = 0");
            try (ResultSet rows = statement.executeQuery(
                    "select email_verified, two_factor_enabled, created_at from " + dialect.quote("user"))) {
                assertThat(rows.next()).isFalse();
            }
        }
        assertThat(new Migrator(dataSource, dialect, snake).plan().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void generateWhenAppliedToEmptyDatabaseThenPlanIsEmpty(Dialect dialect) throws SQLException {
        SchemaModel schema = MigrationSchemas.withEveryType();
        String ddl = Migrator.generate(dialect, schema);
        DataSource dataSource = fresh(dialect);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : splitScript(ddl)) {
                statement.execute(sql);
            }
        }

        assertThat(ddl).doesNotContainIgnoringCase("pragma").doesNotContainIgnoringCase("begin")
                .doesNotContainIgnoringCase("commit");
        assertThat(ddl.strip()).endsWith(";");
        assertThat(new Migrator(dataSource, dialect, schema).plan().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void planWhenDatabaseHasExtraTablesAndColumnsThenIgnoresThem(Dialect dialect) throws SQLException {
        DataSource dataSource = fresh(dialect);
        new Migrator(dataSource, dialect, MigrationSchemas.core()).migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table unrelated (id integer primary key)");
            statement.execute("alter table " + dialect.quote("user") + " add column nickname varchar(20)");
        }

        assertThat(new Migrator(dataSource, dialect, MigrationSchemas.core()).plan().isEmpty()).isTrue();
    }

    /** Splits generated DDL into statements: each ends with a semicolon at the end of a line. */
    static List<String> splitScript(String ddl) {
        List<String> statements = new ArrayList<>();
        for (String part : ddl.split(";\\s*\\n")) {
            if (!part.isBlank()) {
                statements.add(part.strip().replaceAll(";$", ""));
            }
        }
        return statements;
    }

    static void insertUser(Connection connection, Dialect dialect, String id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(quoteAll(dialect,
                "insert into `user` (`id`, `name`, `email`, `emailVerified`, `createdAt`, `updatedAt`) "
                        + "values (?, ?, ?, ?, ?, ?)"))) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, id);
            insert.setString(2, "Name " + id);
            insert.setString(3, id + "@example.com");
            insert.setBoolean(4, false);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.executeUpdate();
        }
    }

    /** Writes test SQL once with backticks and converts it to the dialect's quotes. */
    static String quoteAll(Dialect dialect, String sql) {
        return dialect == Dialect.MYSQL ? sql : sql.replace('`', '"');
    }
}
