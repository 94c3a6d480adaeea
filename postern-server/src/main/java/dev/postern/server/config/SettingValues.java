package dev.postern.server.config;

import dev.postern.server.config.ConfigSource.Value;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Conversions shared by the settings readers: lists that may be written either way. */
final class SettingValues {
    private SettingValues() {
    }

    /** A YAML list, or a comma-separated string as environment variables carry lists; blanks dropped. */
    static List<String> list(Value value) {
        if (value.raw() instanceof Collection<?> items) {
            return items.stream().filter(java.util.Objects::nonNull).map(Object::toString).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
        }
        return Arrays.stream(value.text().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
