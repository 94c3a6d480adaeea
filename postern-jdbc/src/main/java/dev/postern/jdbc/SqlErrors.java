package dev.postern.jdbc;

import dev.postern.store.StoreException;
import dev.postern.store.StoreUnavailableException;
import dev.postern.store.UniqueViolationException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns a driver's {@link SQLException} into the store's exceptions, so callers can react to a
 * duplicate e-mail or an unreachable database the same way on every database. Messages name the model
 * and the operation but never the driver's text, which may quote the values (MySQL's
 * {@code Duplicate entry 'a@b.c'}); the driver's exception stays attached as the cause for logs.
 */
final class SqlErrors {
    /** MySQL and MariaDB: ER_DUP_ENTRY. */
    private static final int MYSQL_DUPLICATE_ENTRY = 1062;
    /** MySQL and MariaDB: too many connections, lock wait timeout, server gone or lost. */
    private static final Set<Integer> MYSQL_UNAVAILABLE = Set.of(1040, 1205, 2002, 2003, 2006, 2013);
    /** PostgreSQL: server shutting down or starting, too many connections, query cancelled by timeout. */
    private static final Set<String> POSTGRES_UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300", "57014");
    private static final Set<SQLiteErrorCode> SQLITE_UNIQUE =
            Set.of(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE, SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);

    private SqlErrors() {
    }

    /**
     * The store exception for a failed operation on a model.
     *
     * @param operation what was attempted, e.g. {@code create} or {@code findOne}
     */
    static StoreException translate(SQLException e, Dialect dialect, String model, String operation) {
        return toStoreException(e, dialect, model, operation + " on model '" + model + "'");
    }

    /** The store exception for a failure of a transaction itself (begin, commit). */
    static StoreException translateTransaction(SQLException e, Dialect dialect, String step) {
        return toStoreException(e, dialect, null, step + " of a transaction");
    }

    private static StoreException toStoreException(SQLException e, Dialect dialect, String model, String what) {
        if (isUniqueViolation(e, dialect)) {
            return new UniqueViolationException(model, what + " was refused: a unique field already holds this value", e);
        }
        if (isUnavailable(e, dialect)) {
            return new StoreUnavailableException(what + " failed: the database is unavailable", e);
        }
        return new StoreException(what + " failed (SQLState " + e.getSQLState() + ", error " + e.getErrorCode() + ")", e);
    }

    static boolean isUniqueViolation(SQLException e, Dialect dialect) {
        for (SQLException s : chain(e)) {
            boolean unique = switch (dialect) {
                case POSTGRES -> "23505".equals(s.getSQLState());
                case MYSQL -> s.getErrorCode() == MYSQL_DUPLICATE_ENTRY;
                case SQLITE -> s instanceof SQLiteException lite && SQLITE_UNIQUE.contains(lite.getResultCode());
            };
            if (unique) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnavailable(SQLException e, Dialect dialect) {
        for (SQLException s : chain(e)) {
            if (s instanceof SQLTransientConnectionException || s instanceof SQLNonTransientConnectionException
                    || s instanceof SQLTimeoutException) {
                return true;
            }
            String state = s.getSQLState();
            if (state != null && state.startsWith("08")) {
                return true;
            }
            boolean unavailable = switch (dialect) {
                case POSTGRES -> POSTGRES_UNAVAILABLE.contains(state);
                case MYSQL -> MYSQL_UNAVAILABLE.contains(s.getErrorCode());
                case SQLITE -> s instanceof SQLiteException lite && isBusyOrCannotOpen(lite.getResultCode());
            };
            if (unavailable) {
                return true;
            }
        }
        return false;
    }

    /** Locked after the busy timeout, or the file cannot be opened: retrying later may work. */
    private static boolean isBusyOrCannotOpen(SQLiteErrorCode code) {
        String name = code.name();
        return name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED") || name.startsWith("SQLITE_CANTOPEN");
    }

    /** The exception, its chained "next" exceptions and its SQLException causes, bounded against cycles. */
    private static List<SQLException> chain(SQLException e) {
        List<SQLException> out = new ArrayList<>();
        ArrayDeque<Throwable> todo = new ArrayDeque<>();
        todo.add(e);
        for (int steps = 0; !todo.isEmpty() && steps < 32; steps++) {
            Throwable t = todo.poll();
            if (t instanceof SQLException s && !out.contains(s)) {
                out.add(s);
                if (s.getNextException() != null) {
                    todo.add(s.getNextException());
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return out;
    }
}
