package dev.postern.plugin.access;

import java.util.List;
import java.util.Objects;

/**
 * The actions asked for on one resource in a permission check, as better-auth accepts them: a plain list
 * ({@code ["create","update"]}, all required) or {@code {actions, connector: "OR"}} (any one suffices).
 */
public record ActionRequest(List<String> actions, Connector connector) {
    public ActionRequest {
        actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
        Objects.requireNonNull(connector, "connector");
    }

    /** Every one of {@code actions} is required. */
    public static ActionRequest all(String... actions) {
        return new ActionRequest(List.of(actions), Connector.AND);
    }

    /** Any one of {@code actions} suffices. */
    public static ActionRequest any(String... actions) {
        return new ActionRequest(List.of(actions), Connector.OR);
    }
}
