package dev.postern.plugin.organization;

import static dev.postern.endpoint.ResponseSchemas.arrayOf;
import static dev.postern.endpoint.ResponseSchemas.bool;
import static dev.postern.endpoint.ResponseSchemas.nullable;
import static dev.postern.endpoint.ResponseSchemas.object;
import static dev.postern.endpoint.ResponseSchemas.ordered;
import static dev.postern.endpoint.ResponseSchemas.string;

import java.util.Map;

/** The response schemas of the organization endpoints, for the OpenAPI document (better-auth's shapes). */
final class OrganizationResponses {
    static final Map<String, Object> ORGANIZATION = object(ordered(
            "id", string(), "name", string(), "slug", string(), "logo", nullable(string()),
            "metadata", Map.of("description", "JSON metadata, parsed where better-auth parses it"),
            "createdAt", string("date-time")), "id", "name", "slug", "createdAt");
    static final Map<String, Object> MEMBER = object(ordered(
            "id", string(), "organizationId", string(), "userId", string(), "role", string(),
            "createdAt", string("date-time"), "teamId", nullable(string())), "id", "organizationId", "userId", "role");
    static final Map<String, Object> INVITATION = object(ordered(
            "id", string(), "organizationId", string(), "email", string("email"), "role", string(),
            "status", string(), "inviterId", string(), "expiresAt", string("date-time"),
            "createdAt", string("date-time"), "teamId", nullable(string())),
            "id", "organizationId", "email", "role", "status", "expiresAt");
    static final Map<String, Object> TEAM = object(ordered(
            "id", string(), "name", string(), "organizationId", string(), "createdAt", string("date-time"),
            "updatedAt", nullable(string("date-time"))), "id", "name", "organizationId");
    static final Map<String, Object> TEAM_MEMBER = object(ordered(
            "id", string(), "teamId", string(), "userId", string(), "createdAt", string("date-time")),
            "id", "teamId", "userId");
    static final Map<String, Object> ROLE = object(ordered(
            "id", string(), "organizationId", string(), "role", string(),
            "permission", Map.of("type", "object", "description", "resource → actions"),
            "createdAt", string("date-time"), "updatedAt", nullable(string("date-time"))),
            "id", "organizationId", "role", "permission");
    static final Map<String, Object> MESSAGE = object(Map.of("message", string()), "message");
    static final Map<String, Object> SUCCESS = object(Map.of("success", bool()), "success");

    static final Map<String, Object> FULL_ORGANIZATION = object(ordered(
            "id", string(), "name", string(), "slug", string(), "logo", nullable(string()),
            "metadata", Map.of("description", "JSON metadata"), "createdAt", string("date-time"),
            "members", arrayOf(MEMBER), "invitations", arrayOf(INVITATION), "teams", arrayOf(TEAM)),
            "id", "name", "slug", "members", "invitations");
    static final Map<String, Object> MEMBER_LIST = object(ordered(
            "members", arrayOf(MEMBER), "total", Map.of("type", "integer")), "members", "total");
    static final Map<String, Object> INVITATION_AND_MEMBER = object(ordered(
            "invitation", INVITATION, "member", nullable(MEMBER)), "invitation", "member");
    static final Map<String, Object> REMOVED_MEMBER = object(Map.of("member", MEMBER), "member");
    static final Map<String, Object> ACTIVE_ROLE = object(Map.of("role", string()), "role");
    static final Map<String, Object> ROLE_CHANGE = object(ordered(
            "success", bool(), "roleData", ROLE, "statements", Map.of("type", "object")), "success", "roleData");

    private OrganizationResponses() {
    }
}
