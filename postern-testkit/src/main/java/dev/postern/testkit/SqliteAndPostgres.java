package dev.postern.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A test of a feature (a plugin's endpoints) run once on SQLite and once on PostgreSQL, taking the
 * {@link TestDatabase} as its parameter. Storage itself is proven on all three databases by the store
 * conformance and migration suites in postern-jdbc, and every plugin's tables are migrated on MariaDB too
 * (postern-plugins' {@code AllPluginsOnEveryDatabaseTest}); running each feature test a third time would
 * add minutes to CI and no coverage.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
public @interface SqliteAndPostgres {
}
