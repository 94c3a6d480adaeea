package dev.postern.spring.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.AuthenticatedPrincipal;
import tools.jackson.databind.JsonNode;

/**
 * The principal of a {@link PosternAuthentication}: the signed-in user and session as
 * {@code GET /api/auth/get-session} returns them to a client.
 *
 * @param user the user object ({@code id}, {@code email}, {@code name}, {@code role}, plugin fields...)
 * @param session the session object ({@code id}, {@code expiresAt}, {@code activeOrganizationId}...)
 */
public record PosternUser(JsonNode user, JsonNode session) implements AuthenticatedPrincipal {

    public String id() {
        return user.path("id").asString();
    }

    public String email() {
        return user.path("email").asString();
    }

    /**
     * The session's active organization ({@code session.activeOrganizationId}, organization plugin), or
     * null when none is set.
     */
    public String activeOrganizationId() {
        JsonNode id = session.path("activeOrganizationId");
        return id.isString() ? id.asString() : null;
    }

    /** The user id: what {@code Authentication.getName()} and {@code Principal.getName()} return. */
    @Override
    public String getName() {
        return id();
    }

    /**
     * The user's roles: {@code user.role} split at commas, as better-auth's admin plugin stores several
     * roles ({@code "admin,support"}); empty when the user has no role.
     */
    public List<String> roles() {
        JsonNode role = user.path("role");
        if (!role.isString()) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        Arrays.stream(role.asString().split(",")).map(String::trim).filter(r -> !r.isEmpty()).forEach(roles::add);
        return List.copyOf(roles);
    }
}
