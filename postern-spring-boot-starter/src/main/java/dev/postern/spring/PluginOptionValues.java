package dev.postern.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives plugin options bound by Spring the shape a YAML parser gives {@code postern.yaml}: Spring binds
 * {@code plugins.x.providers[0]} into a map keyed {@code "0"}, {@code "1"}, ..., which a plugin factory
 * expects as a list.
 */
final class PluginOptionValues {
    private PluginOptionValues() {
    }

    /** The key that switches a plugin on or off, since Spring drops an empty options map. */
    static final String ENABLED = "enabled";

    /**
     * The plugin's options. {@code enabled} is the starter's switch, left out, except for the core plugins,
     * which are always on and whose own {@code enabled} option means something (email-password's is
     * better-auth's {@code emailAndPassword.enabled}).
     */
    static Map<String, Object> normalize(Map<String, Object> options, boolean alwaysEnabled) {
        if (options == null) {
            return Map.of();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (alwaysEnabled || !key.equals(ENABLED)) {
                result.put(key, value(value));
            }
        });
        return result;
    }

    /** False only for {@code enabled: false}. */
    static boolean enabled(Map<String, Object> options) {
        return options == null || !"false".equalsIgnoreCase(String.valueOf(options.getOrDefault(ENABLED, "true")).trim());
    }

    private static Object value(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (!map.isEmpty() && map.keySet().stream().allMatch(k -> String.valueOf(k).matches("\\[?\\d+]?"))) {
                Map<Integer, Object> ordered = new TreeMap<>();
                map.forEach((k, v) -> ordered.put(Integer.parseInt(String.valueOf(k).replaceAll("[\\[\\]]", "")),
                        value(v)));
                return new ArrayList<>(ordered.values());
            }
            Map<String, Object> nested = new LinkedHashMap<>();
            map.forEach((k, v) -> nested.put(String.valueOf(k), value(v)));
            return nested;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PluginOptionValues::value).toList();
        }
        return value;
    }
}
