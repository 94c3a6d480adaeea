package dev.postern.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named checks behind {@code GET /health/ready}: a node is ready when every one passes. Reports say
 * only {@code ok} or {@code unavailable} per check, because the endpoint is public; the reason goes to the
 * log, where host names and error details belong.
 */
public final class Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final Map<String, HealthCheck> checks;

    private Readiness(Map<String, HealthCheck> checks) {
        this.checks = checks;
    }

    /** Checks by name, run in this order, e.g. {@code database} and {@code secondaryStorage}. */
    public static Readiness of(Map<String, HealthCheck> checks) {
        return new Readiness(new LinkedHashMap<>(Objects.requireNonNull(checks, "checks")));
    }

    /** Runs every check (all of them, so the report is complete) and reports. */
    public Report evaluate() {
        Map<String, String> results = new LinkedHashMap<>();
        boolean ready = true;
        for (Map.Entry<String, HealthCheck> entry : checks.entrySet()) {
            try {
                entry.getValue().check();
                results.put(entry.getKey(), "ok");
            } catch (Exception e) {
                ready = false;
                results.put(entry.getKey(), "unavailable");
                LOG.warn("Readiness check '{}' failed: {}", entry.getKey(), e.toString());
            }
        }
        return new Report(ready, java.util.Collections.unmodifiableMap(results));
    }

    /** The outcome: {@code ready} and each check's {@code ok} / {@code unavailable}, in declared order. */
    public record Report(boolean ready, Map<String, String> checks) {
        /** {@code {"status":"ready"|"unavailable","checks":{...}}}. */
        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", ready ? "ready" : "unavailable");
            body.put("checks", checks);
            return body;
        }
    }
}
