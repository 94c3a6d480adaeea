package dev.postern.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable, case-insensitive multimap of HTTP header values, in the order they arrived.
 * Names are kept as first seen; lookups ignore case as HTTP requires.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

    private final TreeMap<String, List<String>> values;

    private Headers(TreeMap<String, List<String>> values) {
        this.values = values;
    }

    public static Headers empty() {
        return EMPTY;
    }

    public static Headers of(Map<String, ? extends List<String>> source) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        source.forEach((name, list) -> copy.computeIfAbsent(name, k -> new ArrayList<>()).addAll(list));
        copy.replaceAll((k, v) -> List.copyOf(v));
        return new Headers(copy);
    }

    /** Builds headers from alternating name/value pairs: {@code Headers.of("Origin", "https://a.example")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues must alternate name, value");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The first value of the header, if present. */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The first value of the header, or null: for hot paths that would rather not allocate an Optional. */
    public String get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? null : list.get(0);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        values.forEach((name, list) -> list.forEach(v -> builder.add(name, v)));
        return builder;
    }

    @Override
    public String toString() {
        return values.keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList().toString();
    }

    /** Collects header values; {@link #set} replaces, {@link #add} appends. */
    public static final class Builder {
        private final TreeMap<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

        public Builder add(String name, String value) {
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public Builder set(String name, String value) {
            List<String> list = new ArrayList<>();
            list.add(value);
            values.put(name, list);
            return this;
        }

        public Builder remove(String name) {
            values.remove(name);
            return this;
        }

        public Headers build() {
            TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            return new Headers(copy);
        }
    }
}
