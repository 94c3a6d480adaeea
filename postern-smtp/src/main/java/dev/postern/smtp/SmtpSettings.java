package dev.postern.smtp;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach the SMTP server.
 *
 * @param host server host name
 * @param port 587 (submission with STARTTLS), 465 (implicit TLS) or 25
 * @param user login, or null for none
 * @param password password, or null; never printed by {@link #toString()}
 * @param from the sender address, e.g. {@code Postern <no-reply@example.com>}
 * @param security how the connection is protected
 * @param timeout connect, read and write timeout
 */
public record SmtpSettings(String host, int port, String user, String password, String from,
                           Security security, Duration timeout) {

    /** Transport security. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which must succeed. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, port 465). */
        SSL,
        /** No encryption: only for a local relay or a test server. */
        NONE
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(security, "security");
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port: expected 1-65535, was " + port);
        }
    }

    /** Chooses security from the port as mail clients do: 465 is SSL, 25 plain, anything else STARTTLS. */
    public static Security securityForPort(int port) {
        return switch (port) {
            case 465 -> Security.SSL;
            case 25 -> Security.NONE;
            default -> Security.STARTTLS;
        };
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", from=" + from + ", security=" + security + "]";
    }
}
