package dev.postern.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code postern.yaml} into plain maps, lists and scalars. Typos fail loudly: a top-level key the
 * server does not know stops start-up rather than being silently ignored.
 */
final class YamlConfigFile {
    /** Every top-level key {@code postern.yaml} may hold. */
    static final Set<String> KNOWN_KEYS = Set.of("env", "secret", "secrets", "baseUrl", "host", "port", "databaseUrl",
            "dataDir", "trustedOrigins", "plugins", "smtp", "rateLimit", "ipAddress", "session", "verification", "mailTemplates", "security", "cors",
            "secondaryStorage");

    private YamlConfigFile() {
    }

    /** The file's top-level mapping; an empty file is an empty map. */
    static Map<String, Object> read(Path file) {
        String name = file.getFileName().toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw ConfigException.of(name, "cannot read " + file + ": " + e.getMessage());
        }
        if (text.isBlank()) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = YAMLMapper.shared().readValue(text, Object.class);
        } catch (JacksonException e) {
            throw ConfigException.of(name, "not valid YAML" + where(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()));
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw ConfigException.of(name, "expected key: value pairs at the top level, got a "
                    + parsed.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) map;
        for (String key : settings.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                throw ConfigException.of(name, "unknown key \"" + key + "\". Known keys: "
                        + String.join(", ", new TreeSet<>(KNOWN_KEYS)));
            }
        }
        return settings;
    }

    /** A value by dotted path ({@code smtp.host}); null when any step is missing. */
    static Object lookup(Map<String, Object> yaml, String dottedKey) {
        Object current = yaml;
        for (String part : dottedKey.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
