package dev.postern.server.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Looks a setting up where users put it: the environment first (it wins), then the YAML file. Every
 * value comes back with the name of the key it was read from, so an error names exactly what to fix.
 */
final class ConfigSource {
    private final Map<String, String> env;
    private final Map<String, Object> yaml;
    private final String yamlName;
    private final Map<String, String> used = new LinkedHashMap<>();

    ConfigSource(Map<String, String> env, Map<String, Object> yaml, String yamlName) {
        this.env = env;
        this.yaml = yaml;
        this.yamlName = yamlName;
    }

    /** A value and the key it came from ({@code POSTERN_PORT}, or {@code port (postern.yaml)}). */
    record Value(Object raw, String key) {
        String text() {
            return raw.toString().trim();
        }
    }

    /**
     * The value of a setting, environment first. A blank environment variable counts as unset, as
     * {@code POSTERN_SECRET=${SECRET}} in a compose file expands to when the outer variable is missing.
     */
    Optional<Value> get(String setting, String envName, String yamlKey) {
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            used.put(setting, envName);
            return Optional.of(new Value(fromEnv, envName));
        }
        return fromYaml(setting, yamlKey);
    }

    Optional<Value> fromYaml(String setting, String yamlKey) {
        Object fromYaml = YamlConfigFile.lookup(yaml, yamlKey);
        if (fromYaml == null || (fromYaml instanceof String s && s.isBlank())) {
            return Optional.empty();
        }
        used.put(setting, yamlName);
        return Optional.of(new Value(fromYaml, yamlKey + " (" + yamlName + ")"));
    }

    /** For each setting read so far, the name of where its value came from. */
    Map<String, String> sources() {
        return used;
    }
}
