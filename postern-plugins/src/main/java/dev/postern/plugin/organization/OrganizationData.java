package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.OrganizationSchema.INVITATION;
import static dev.postern.plugin.organization.OrganizationSchema.MEMBER;
import static dev.postern.plugin.organization.OrganizationSchema.ORGANIZATION;
import static dev.postern.plugin.organization.OrganizationSchema.ORGANIZATION_ROLE;
import static dev.postern.plugin.organization.OrganizationSchema.TEAM;
import static dev.postern.plugin.organization.OrganizationSchema.TEAM_MEMBER;

import dev.postern.json.Json;
import dev.postern.plugin.access.Permissions;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Output;
import dev.postern.schema.SchemaModel;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads and writes of the organization tables, better-auth's {@code getOrgAdapter}. Every lookup of a
 * member, invitation, team or role that a request names by id is scoped to one organization here, so an
 * id from another organization reads as "not found" and tenant isolation does not depend on each
 * endpoint remembering a comparison.
 */
final class OrganizationData {
    private final SchemaModel schema;
    private final Store store;
    private final OrganizationOptions options;

    OrganizationData(SchemaModel schema, Store store, OrganizationOptions options) {
        this.schema = schema;
        this.store = store;
        this.options = options;
    }

    Store store() {
        return store;
    }

    /** Runs {@code work} in one store transaction with a view of this data bound to it. */
    <T> T transaction(Function<OrganizationData, T> work) {
        return store.transaction(tx -> work.apply(new OrganizationData(schema, tx, options)));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---- organizations

    Optional<Row> organizationById(String id) {
        return store.findOne(ORGANIZATION, Where.eq("id", id));
    }

    Optional<Row> organizationBySlug(String slug) {
        return store.findOne(ORGANIZATION, Where.eq("slug", slug));
    }

    /** The organization as better-auth answers it: {@code metadata} parsed from its JSON text. */
    Map<String, Object> organizationOutput(Row organization) {
        Map<String, Object> out = Output.of(schema, ORGANIZATION, organization);
        Object metadata = out.get("metadata");
        if (metadata instanceof String text && !text.isEmpty()) {
            try {
                out.put("metadata", Json.convert(Json.parse(text), Object.class));
            } catch (RuntimeException notJson) {
                out.put("metadata", text);
            }
        }
        return out;
    }

    Row createOrganization(Map<String, Object> data) {
        return store.create(ORGANIZATION, data);
    }

    Optional<Row> updateOrganization(String id, Map<String, Object> data) {
        return store.update(ORGANIZATION, Where.eq("id", id), data);
    }

    /** Deletes the organization and everything that belongs to it; call inside a transaction. */
    void deleteOrganization(String id) {
        if (options.teams().enabled()) {
            List<String> teamIds = store.findMany(TEAM, Query.where(Where.eq("organizationId", id)))
                    .stream().map(Row::id).toList();
            if (!teamIds.isEmpty()) {
                store.deleteMany(TEAM_MEMBER, Where.in("teamId", teamIds));
            }
            store.deleteMany(TEAM, Where.eq("organizationId", id));
        }
        if (options.dynamicAccessControl().enabled()) {
            store.deleteMany(ORGANIZATION_ROLE, Where.eq("organizationId", id));
        }
        store.deleteMany(MEMBER, Where.eq("organizationId", id));
        store.deleteMany(INVITATION, Where.eq("organizationId", id));
        store.delete(ORGANIZATION, Where.eq("id", id));
    }

    List<Map<String, Object>> organizationsOf(String userId) {
        List<Row> memberships = store.findMany(MEMBER, Query.where(Where.eq("userId", userId)));
        if (memberships.isEmpty()) {
            return List.of();
        }
        List<String> ids = memberships.stream().map(m -> m.string("organizationId")).distinct().toList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row organization : store.findMany(ORGANIZATION, Query.where(Where.in("id", ids)))) {
            out.add(Output.of(schema, ORGANIZATION, organization));
        }
        return out;
    }

    long membershipsOf(String userId) {
        return store.count(MEMBER, Where.eq("userId", userId));
    }

    // ---- members

    Optional<Row> member(String userId, String organizationId) {
        return store.findOne(MEMBER, Where.eq("userId", userId).andEq("organizationId", organizationId));
    }

    /** The member with this id <em>in this organization</em>; a member of another one is not found. */
    Optional<Row> memberInOrganization(String memberId, String organizationId) {
        return store.findOne(MEMBER, Where.eq("id", memberId).andEq("organizationId", organizationId));
    }

    Optional<Row> memberById(String memberId) {
        return store.findOne(MEMBER, Where.eq("id", memberId));
    }

    Optional<Row> memberByEmail(String email, String organizationId) {
        return store.findOne(CoreSchema.USER, Where.eq("email", email.toLowerCase(java.util.Locale.ROOT)))
                .flatMap(user -> member(user.id(), organizationId));
    }

    Row createMember(Map<String, Object> data) {
        Map<String, Object> values = new LinkedHashMap<>(data);
        values.putIfAbsent("createdAt", now());
        return store.create(MEMBER, values);
    }

    Optional<Row> updateMemberRole(String memberId, String role) {
        return store.update(MEMBER, Where.eq("id", memberId), Map.of("role", role));
    }

    long countMembers(String organizationId) {
        return store.count(MEMBER, Where.eq("organizationId", organizationId));
    }

    long countHolders(String organizationId, String role) {
        return store.findMany(MEMBER, Query.where(Where.eq("organizationId", organizationId))).stream()
                .filter(m -> Permissions.roleNames(m.string("role")).contains(role))
                .count();
    }

    /** Deletes a member and its team memberships in this organization; call inside a transaction. */
    void deleteMember(Row member) {
        store.delete(MEMBER, Where.eq("id", member.id()));
        if (options.teams().enabled()) {
            List<String> teamIds = store.findMany(TEAM, Query.where(Where.eq("organizationId", member.string("organizationId"))))
                    .stream().map(Row::id).toList();
            if (!teamIds.isEmpty()) {
                store.deleteMany(TEAM_MEMBER, Where.eq("userId", member.string("userId")).and("teamId",
                        dev.postern.store.Operator.IN, teamIds));
            }
        }
    }

    /** A member row as the wire has it, with {@code user: {id, name, email, image}}. */
    Map<String, Object> memberWithUser(Row member, Row user) {
        Map<String, Object> out = Output.of(schema, MEMBER, member);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", user.id());
        summary.put("name", user.get("name"));
        summary.put("email", user.get("email"));
        summary.put("image", user.get("image"));
        out.put("user", summary);
        return out;
    }

    Map<String, Object> memberOutput(Row member) {
        return Output.of(schema, MEMBER, member);
    }

    Optional<Row> user(String id) {
        return store.findOne(CoreSchema.USER, Where.eq("id", id));
    }

    /** Members with their users, in the order given. */
    List<Map<String, Object>> withUsers(List<Row> members) {
        if (members.isEmpty()) {
            return List.of();
        }
        Map<String, Row> users = new LinkedHashMap<>();
        List<String> ids = members.stream().map(m -> m.string("userId")).distinct().toList();
        store.findMany(CoreSchema.USER, Query.where(Where.in("id", ids))).forEach(u -> users.put(u.id(), u));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row member : members) {
            Row user = users.get(member.string("userId"));
            if (user != null) {
                out.add(memberWithUser(member, user));
            }
        }
        return out;
    }

    List<Row> members(Query query) {
        return store.findMany(MEMBER, query);
    }

    long count(String model, Where where) {
        return store.count(model, where);
    }

    SchemaModel schema() {
        return schema;
    }
}
