package dev.postern.plugin.options;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a plugin's section of {@code postern.yaml} (plain maps, booleans, numbers and strings) for its
 * {@link dev.postern.plugin.PluginFactory}, with better-auth's option names. Every mistake is an
 * {@link IllegalArgumentException} whose message names the key, and {@link #rejectUnknown()} refuses keys
 * nobody read, so a typo stops start-up instead of being ignored.
 */
public final class PluginOptions {
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();
    private final Map<String, PluginOptions> sections = new LinkedHashMap<>();

    private PluginOptions(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    public static PluginOptions of(Map<String, Object> values) {
        return new PluginOptions("", values == null ? Map.of() : values);
    }

    public boolean bool(String key, boolean fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw wrong(key, "true or false", value);
    }

    public String string(String key, String fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String s) {
            return s;
        }
        throw wrong(key, "a string", value);
    }

    /** One string or a list of strings ({@code x-api-key} or {@code [x-api-key, authorization]}). */
    public List<String> strings(String key, List<String> fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw wrong(key, "a string or a list of strings", value);
    }

    /** The keys of a free-form section (names chosen by the user, such as permission resources). */
    public Set<String> keys() {
        return new LinkedHashSet<>(values.keySet());
    }

    /** A boolean that stays null when absent, for options whose default depends on others. */
    public Boolean optionalBool(String key) {
        if (values.get(key) == null) {
            read.add(key);
            return null;
        }
        return bool(key, false);
    }

    public int integer(String key, int fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Math.toIntExact(((Number) value).longValue());
        }
        if (value instanceof String s && s.trim().matches("-?\\d{1,9}")) {
            return Integer.parseInt(s.trim());
        }
        throw wrong(key, "a whole number", value);
    }

    /** A number with a fraction allowed ({@code minScore: 0.5}). */
    public double decimal(String key, double fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && s.trim().matches("-?\\d+(\\.\\d+)?")) {
            return Double.parseDouble(s.trim());
        }
        throw wrong(key, "a number", value);
    }

    /** A list of strings, written as a YAML list or as one comma-separated string; empty when absent. */
    public List<String> strings(String key) {
        Object value = take(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> items && items.stream().allMatch(i -> i instanceof String)) {
            return items.stream().map(String.class::cast).toList();
        }
        if (value instanceof String s) {
            return Arrays.stream(s.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
        }
        throw wrong(key, "a list of strings", value);
    }

    /** A duration given in seconds, as better-auth's {@code expiresIn} options are. */
    public Duration seconds(String key, Duration fallback) {
        if (values.get(key) == null) {
            read.add(key);
            return fallback;
        }
        return Duration.ofSeconds(integer(key, 0));
    }

    /** One of an enum's constants, named in any case, with {@code -} for {@code _} ({@code argon2id}). */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        Object value = take(key);
        if (value == null) {
            return fallback;
        }
        String name = value.toString().trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        Set<String> known = new TreeSet<>();
        for (E constant : type.getEnumConstants()) {
            known.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw wrong(key, "one of " + known, value);
    }

    /** A nested section ({@code emailVerification: {...}}); empty when absent. */
    @SuppressWarnings("unchecked")
    public PluginOptions section(String key) {
        Object value = take(key);
        Map<String, Object> map;
        if (value == null) {
            map = Map.of();
        } else if (value instanceof Map<?, ?> m) {
            map = new LinkedHashMap<>();
            m.forEach((k, v) -> map.put(String.valueOf(k), v));
        } else {
            throw wrong(key, "a section of key: value pairs", value);
        }
        PluginOptions section = new PluginOptions(path + key + ".", map);
        sections.put(key, section);
        return section;
    }

    /** Refuses keys that were never read, in this section and the sections read from it. */
    public void rejectUnknown() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option" + (unknown.size() > 1 ? "s " : " ")
                    + unknown.stream().map(k -> path + k).toList() + "; known: " + read.stream().map(k -> path + k).toList());
        }
        sections.values().forEach(PluginOptions::rejectUnknown);
    }

    private Object take(String key) {
        read.add(key);
        return values.get(key);
    }

    private IllegalArgumentException wrong(String key, String expected, Object value) {
        return new IllegalArgumentException(path + key + ": expected " + expected + ", was \"" + value + "\"");
    }
}
