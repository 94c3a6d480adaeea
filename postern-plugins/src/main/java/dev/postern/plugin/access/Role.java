package dev.postern.plugin.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a role may do: resource → allowed actions. {@link #authorize} answers a permission check exactly as
 * better-auth's {@code role(...).authorize} does, messages included, since clients show them.
 */
public final class Role {
    private final Map<String, List<String>> statements;

    private Role(Map<String, List<String>> statements) {
        this.statements = statements;
    }

    public static Role of(Map<String, List<String>> statements) {
        Objects.requireNonNull(statements, "statements");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        statements.forEach((resource, actions) -> copy.put(resource, List.copyOf(actions)));
        return new Role(java.util.Collections.unmodifiableMap(copy));
    }

    public Map<String, List<String>> statements() {
        return statements;
    }

    /** {@link #authorize(Map, Connector)} with {@code AND} across resources. */
    public Decision authorize(Map<String, ActionRequest> request) {
        return authorize(request, Connector.AND);
    }

    /**
     * Checks {@code request} (resource → actions): with {@code AND} every resource must be granted, with
     * {@code OR} one is enough. An empty action list never grants.
     */
    public Decision authorize(Map<String, ActionRequest> request, Connector connector) {
        boolean anyGranted = false;
        for (Map.Entry<String, ActionRequest> entry : request.entrySet()) {
            List<String> allowed = statements.get(entry.getKey());
            if (allowed == null) {
                if (connector == Connector.AND) {
                    return Decision.denied("You are not allowed to access resource: " + entry.getKey());
                }
                continue;
            }
            boolean granted = granted(allowed, entry.getValue());
            if (granted && connector == Connector.OR) {
                return Decision.allowed();
            }
            if (!granted && connector == Connector.AND) {
                return Decision.denied("unauthorized to access resource \"" + entry.getKey() + "\"");
            }
            anyGranted |= granted;
        }
        return anyGranted ? Decision.allowed() : Decision.denied("Not authorized");
    }

    private static boolean granted(List<String> allowed, ActionRequest request) {
        if (request.actions().isEmpty()) {
            return false;
        }
        return request.connector() == Connector.OR
                ? request.actions().stream().anyMatch(allowed::contains)
                : allowed.containsAll(request.actions());
    }

    /** The answer of a check; {@code error} is null when allowed. */
    public record Decision(boolean success, String error) {
        static Decision allowed() {
            return new Decision(true, null);
        }

        static Decision denied(String error) {
            return new Decision(false, error);
        }
    }
}
