package dev.postern.server.config;

import dev.postern.server.config.ConfigSource.Value;
import dev.postern.smtp.SmtpSettings;
import java.util.Optional;

/**
 * Reads the {@code smtp} section and the {@code POSTERN_SMTP_*} variables into the SMTP mailer's
 * {@link SmtpSettings}. The port is 587 unless given, and it decides the transport security as mail
 * clients do: 465 is TLS from the start, 25 is plain, anything else requires STARTTLS.
 */
final class SmtpSettingsReader {
    /** Mail submission with STARTTLS, what providers document first. */
    static final int DEFAULT_PORT = 587;

    private SmtpSettingsReader() {
    }

    /** Empty when no SMTP setting is given; an error when some are but the host or sender is missing. */
    static Optional<SmtpSettings> read(ConfigSource source) {
        Optional<Value> host = source.get("smtp.host", "POSTERN_SMTP_HOST", "smtp.host");
        Optional<Value> port = source.get("smtp.port", "POSTERN_SMTP_PORT", "smtp.port");
        Optional<Value> user = source.get("smtp.user", "POSTERN_SMTP_USER", "smtp.user");
        Optional<Value> password = source.get("smtp.password", "POSTERN_SMTP_PASSWORD", "smtp.password");
        Optional<Value> from = source.get("smtp.from", "POSTERN_SMTP_FROM", "smtp.from");
        Optional<Value> security = source.get("smtp.security", "POSTERN_SMTP_SECURITY", "smtp.security");
        if (host.isEmpty()) {
            Optional<Value> stray = port.or(() -> user).or(() -> password).or(() -> from).or(() -> security);
            if (stray.isPresent()) {
                throw ConfigException.of("POSTERN_SMTP_HOST",
                        "required when " + stray.get().key() + " is set (the SMTP server to send mail through)");
            }
            return Optional.empty();
        }
        if (from.isEmpty()) {
            throw ConfigException.of("POSTERN_SMTP_FROM",
                    "required when an SMTP host is set, e.g. \"Postern <no-reply@example.com>\"");
        }
        int portNumber = port.map(SettingsLoader::port).orElse(DEFAULT_PORT);
        return Optional.of(new SmtpSettings(
                host.get().text(),
                portNumber,
                user.map(Value::text).orElse(null),
                password.map(Value::text).orElse(null),
                from.get().text(),
                security.map(SmtpSettingsReader::security).orElse(SmtpSettings.securityForPort(portNumber)),
                null));
    }

    /** {@code starttls}, {@code ssl} or {@code none}; {@code none} is for a relay on the same host or a test server. */
    private static SmtpSettings.Security security(Value value) {
        return switch (value.text().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "starttls" -> SmtpSettings.Security.STARTTLS;
            case "ssl", "tls" -> SmtpSettings.Security.SSL;
            case "none" -> SmtpSettings.Security.NONE;
            default -> throw ConfigException.of(value.key(), "expected starttls, ssl or none, was \"" + value.text() + "\"");
        };
    }
}
