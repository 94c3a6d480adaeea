package dev.postern.plugin.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * better-auth's {@code createAccessControl(statements)}: the resources of an application and the actions
 * each allows, from which roles are built. The organization and admin plugins each have one
 * ({@link OrganizationAccess}, {@link AdminAccess}); an application extends theirs with its own resources.
 *
 * <pre>{@code
 * AccessControl ac = AccessControl.of(Map.of("project", List.of("create", "share", "delete")));
 * Role editor = ac.newRole(Map.of("project", List.of("create", "share")));
 * editor.authorize(Map.of("project", ActionRequest.all("share"))).success();   // true
 * }</pre>
 */
public final class AccessControl {
    private final Map<String, List<String>> statements;

    private AccessControl(Map<String, List<String>> statements) {
        this.statements = statements;
    }

    /** Resources and their actions, in declaration order. */
    public static AccessControl of(Map<String, List<String>> statements) {
        Objects.requireNonNull(statements, "statements");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        statements.forEach((resource, actions) -> copy.put(resource, List.copyOf(actions)));
        return new AccessControl(java.util.Collections.unmodifiableMap(copy));
    }

    /**
     * A role granting {@code granted}. Like better-auth, it does not insist that every granted action is
     * declared; an undeclared one simply never matches a check written against the statements.
     */
    public Role newRole(Map<String, List<String>> granted) {
        return Role.of(granted);
    }

    /** These statements plus {@code more} (actions of a resource declared twice are merged). */
    public AccessControl extend(Map<String, List<String>> more) {
        Map<String, List<String>> merged = new LinkedHashMap<>(statements);
        more.forEach((resource, actions) -> merged.merge(resource, List.copyOf(actions),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList()));
        return of(merged);
    }

    public Map<String, List<String>> statements() {
        return statements;
    }
}
