package dev.postern.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A database location as users write it ({@code sqlite:./data/postern.db} or any JDBC URL), normalised
 * to a JDBC URL with its dialect. User and password may be part of the URL or given apart.
 */
public record DatabaseUrl(String jdbcUrl, Dialect dialect, String user, String password) {

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(dialect, "dialect");
    }

    /** Parses {@code sqlite:<file>}, {@code jdbc:...}, or {@code postgres://} / {@code mysql://} style URLs. */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Database URL is empty: use sqlite:./data/postern.db or a JDBC URL");
        }
        String u = url.trim();
        if (u.startsWith("sqlite:")) {
            u = "jdbc:" + u;
        } else if (u.startsWith("postgres://") || u.startsWith("postgresql://")) {
            u = "jdbc:postgresql://" + u.substring(u.indexOf("://") + 3);
        } else if (u.startsWith("mysql://") || u.startsWith("mariadb://")) {
            u = "jdbc:" + u;
        }
        return new DatabaseUrl(u, Dialect.fromJdbcUrl(u), null, null);
    }

    public DatabaseUrl withCredentials(String newUser, String newPassword) {
        return new DatabaseUrl(jdbcUrl, dialect, newUser, newPassword);
    }

    /**
     * This URL with credentials written as {@code //user:password@host} moved to {@link #user()} and
     * {@link #password()} (percent-decoded), since JDBC drivers do not read them there. Credentials given
     * apart win over those in the URL. Returns this URL when it has none.
     */
    public DatabaseUrl withUserInfoAsCredentials() {
        int scheme = jdbcUrl.indexOf("://");
        if (scheme < 0) {
            return this;
        }
        int hostStart = scheme + 3;
        int hostEnd = indexOfAny(jdbcUrl, hostStart, "/?;");
        int at = jdbcUrl.lastIndexOf('@', hostEnd - 1);
        if (at < hostStart) {
            return this;
        }
        String userInfo = jdbcUrl.substring(hostStart, at);
        int colon = userInfo.indexOf(':');
        String urlUser = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String urlPassword = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        String stripped = jdbcUrl.substring(0, hostStart) + jdbcUrl.substring(at + 1);
        return new DatabaseUrl(stripped, dialect, user != null ? user : urlUser, password != null ? password : urlPassword);
    }

    private static int indexOfAny(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** For SQLite files: the file path, whose parent folder is created on open. Null for memory or servers. */
    public Path sqliteFile() {
        if (dialect != Dialect.SQLITE) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith("file::memory:")) {
            return null;
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring(5);
        }
        return Path.of(rest);
    }

    /** Creates the folder of an SQLite file so a first start needs no set-up. */
    public void prepare() {
        Path file = sqliteFile();
        if (file != null && file.toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create the folder of the SQLite database " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The URL with any password removed, for logs and {@code doctor}. */
    public String masked() {
        return mask(jdbcUrl);
    }

    static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("(//[^:/@]+:)[^@/]*@", "$1****@");
    }
}
