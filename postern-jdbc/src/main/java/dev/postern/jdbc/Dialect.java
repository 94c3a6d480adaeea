package dev.postern.jdbc;

import java.util.Locale;

/**
 * The SQL dialects Postern speaks. Each knows how to quote identifiers; value encodings and column
 * types live with the store and migrations, which ask the dialect which database they talk to.
 */
public enum Dialect {
    SQLITE("\""),
    POSTGRES("\""),
    /** MySQL and MariaDB. */
    MYSQL("`");

    private final String quote;

    Dialect(String quote) {
        this.quote = quote;
    }

    /** Quotes an identifier, doubling any quote character inside it. */
    public String quote(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /**
     * The {@code LIMIT}/{@code OFFSET} clause with a leading space, or an empty string. An offset
     * without a limit needs a limit in SQLite ({@code -1}) and MySQL (the largest unsigned bigint).
     */
    public String limitOffset(Integer limit, Integer offset) {
        StringBuilder sql = new StringBuilder();
        if (limit != null) {
            sql.append(" LIMIT ").append(limit.intValue());
        } else if (offset != null && this != POSTGRES) {
            sql.append(this == SQLITE ? " LIMIT -1" : " LIMIT 18446744073709551615");
        }
        if (offset != null) {
            sql.append(" OFFSET ").append(offset.intValue());
        }
        return sql.toString();
    }

    /** The dialect of a JDBC URL ({@code jdbc:sqlite:}, {@code jdbc:postgresql:}, {@code jdbc:mysql:}, {@code jdbc:mariadb:}). */
    public static Dialect fromJdbcUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("Unsupported database URL '" + DatabaseUrl.mask(jdbcUrl)
                + "': use sqlite:<file>, jdbc:sqlite:<file>, jdbc:postgresql://..., jdbc:mysql://... or jdbc:mariadb://...");
    }

    /** The name for {@code generate --dialect}: sqlite, postgres, mysql. */
    public String cliName() {
        return switch (this) {
            case SQLITE -> "sqlite";
            case POSTGRES -> "postgres";
            case MYSQL -> "mysql";
        };
    }

    public static Dialect fromCliName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sqlite", "d1" -> SQLITE;
            case "postgres", "postgresql", "pg" -> POSTGRES;
            case "mysql", "mariadb" -> MYSQL;
            default -> throw new IllegalArgumentException("Unknown dialect '" + name + "': use sqlite, postgres or mysql");
        };
    }
}
