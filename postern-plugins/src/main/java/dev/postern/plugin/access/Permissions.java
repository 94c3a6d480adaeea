package dev.postern.plugin.access;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code permissions} request body ({@code {"member": ["create"], "team": {"actions": [...],
 * "connector": "OR"}}}) into action requests, and checks several roles at once the way better-auth's
 * {@code hasPermission} does: a user holding several roles (comma-separated in the {@code role} column) is
 * allowed when any one of them allows the whole request.
 */
public final class Permissions {
    private Permissions() {
    }

    /** The request, or empty when its shape is not one better-auth accepts (the caller answers 400). */
    public static Optional<Map<String, ActionRequest>> parse(Object body) {
        if (!(body instanceof Map<?, ?> map)) {
            return Optional.empty();
        }
        Map<String, ActionRequest> request = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Optional<ActionRequest> actions = actions(entry.getValue());
            if (actions.isEmpty()) {
                return Optional.empty();
            }
            request.put(String.valueOf(entry.getKey()), actions.get());
        }
        return Optional.of(request);
    }

    private static Optional<ActionRequest> actions(Object value) {
        if (value instanceof List<?> list) {
            return strings(list).map(actions -> new ActionRequest(actions, Connector.AND));
        }
        if (value instanceof Map<?, ?> map) {
            Object actions = map.get("actions");
            Connector connector = Connector.parse(map.get("connector") instanceof String s ? s : null);
            if (actions instanceof List<?> list) {
                return strings(list).map(a -> new ActionRequest(a, connector));
            }
            return Optional.of(new ActionRequest(List.of(), connector));
        }
        return Optional.empty();
    }

    private static Optional<List<String>> strings(List<?> list) {
        if (!list.stream().allMatch(String.class::isInstance)) {
            return Optional.empty();
        }
        return Optional.of(list.stream().map(String.class::cast).toList());
    }

    /** The role names in a {@code role} column: {@code "admin,member"} holds two. */
    public static List<String> roleNames(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(column.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether any of {@code roleNames} (looked up in {@code roles}; unknown names grant nothing) allows the request. */
    public static boolean anyAllows(List<String> roleNames, Map<String, Role> roles, Map<String, ActionRequest> request) {
        for (String name : roleNames) {
            Role role = roles.get(name);
            if (role != null && role.authorize(request).success()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Everything {@code roleNames} grant together (unknown names grant nothing): resource → actions, each
     * action once, resources without an action left out. A single resource and action is granted here
     * exactly when {@link #anyAllows} allows it.
     */
    public static Map<String, List<String>> granted(List<String> roleNames, Map<String, Role> roles) {
        Map<String, LinkedHashSet<String>> union = new LinkedHashMap<>();
        for (String name : roleNames) {
            Role role = roles.get(name);
            if (role != null) {
                role.statements().forEach((resource, actions) ->
                        union.computeIfAbsent(resource, r -> new LinkedHashSet<>()).addAll(actions));
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        union.forEach((resource, actions) -> {
            if (!actions.isEmpty()) {
                out.put(resource, List.copyOf(actions));
            }
        });
        return out;
    }
}
