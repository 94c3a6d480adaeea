package dev.postern.plugin.organization;

import static dev.postern.http.Status.BAD_REQUEST;
import static dev.postern.http.Status.FORBIDDEN;

import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.schema.Field;
import dev.postern.session.Session;
import dev.postern.store.Operator;
import dev.postern.store.Query;
import dev.postern.store.Where;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /organization/list-members}: {@code {members, total}} of one organization the caller belongs
 * to, with better-auth's paging ({@code limit} defaulting to the membership limit, {@code offset}), sorting
 * and one filter. The filter is always AND-ed with the organization, so filtering on
 * {@code organizationId} can never widen the result to another organization.
 */
final class MemberListing {
    static final ObjectSchema QUERY = Schemas.object()
            .optional("limit", Schemas.any())
            .optional("offset", Schemas.any())
            .optional("sortBy", Schemas.string())
            .optional("sortDirection", Schemas.oneOf("asc", "desc"))
            .optional("filterField", Schemas.string())
            .optional("filterValue", Schemas.any())
            .optional("filterOperator", Schemas.oneOf("eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in",
                    "contains", "starts_with", "ends_with"))
            .optional("organizationId", Schemas.string())
            .optional("organizationSlug", Schemas.string());

    private final OrganizationPlugin plugin;

    MemberListing(OrganizationPlugin plugin) {
        this.plugin = plugin;
    }

    /** The organization a member query names: slug, then id, then the active one. */
    static String organizationOf(EndpointContext ctx, Session session, OrganizationData data) {
        Optional<String> slug = ctx.queryString("organizationSlug");
        if (slug.isPresent()) {
            return data.organizationBySlug(slug.get())
                    .orElseThrow(() -> OrganizationErrorCodes.ORGANIZATION_NOT_FOUND.toException(BAD_REQUEST)).id();
        }
        return ctx.queryString("organizationId").or(() -> OrganizationPlugin.activeOrganizationId(session))
                .orElseThrow(() -> OrganizationErrorCodes.NO_ACTIVE_ORGANIZATION.toException(BAD_REQUEST));
    }

    Object list(EndpointContext ctx) {
        Session session = ctx.postern().sessions().require(ctx);
        OrganizationData data = plugin.data(ctx);
        String organizationId = organizationOf(ctx, session, data);
        if (data.member(session.userId(), organizationId).isEmpty()) {
            throw OrganizationErrorCodes.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION.toException(FORBIDDEN);
        }
        Where where = Where.eq("organizationId", organizationId);
        Optional<String> filterField = ctx.queryString("filterField");
        if (filterField.isPresent()) {
            where = where.with(filter(data, filterField.get(), ctx));
        }
        int limit = positive(ctx.query().get("limit")).orElse(plugin.options().membershipLimit());
        int offset = positive(ctx.query().get("offset")).orElse(0);
        Query query = new Query(where, List.of(), limit, offset);
        Optional<String> sortBy = ctx.queryString("sortBy");
        if (sortBy.isPresent()) {
            field(data, sortBy.get());
            query = query.sortBy(sortBy.get(), "desc".equals(ctx.queryString("sortDirection").orElse("asc"))
                    ? Query.Direction.DESC : Query.Direction.ASC);
        }
        List<Map<String, Object>> members = data.withUsers(data.members(query));
        return Map.of("members", members, "total", data.count(OrganizationSchema.MEMBER, where));
    }

    private static Where.Condition filter(OrganizationData data, String fieldName, EndpointContext ctx) {
        Field field = field(data, fieldName);
        Operator operator = Operator.valueOf(ctx.queryString("filterOperator").orElse("eq").toUpperCase(Locale.ROOT));
        JsonNode raw = ctx.query().get("filterValue");
        Object value;
        if (operator == Operator.IN || operator == Operator.NOT_IN) {
            List<String> items = raw == null ? List.of() : raw.isArray()
                    ? java.util.stream.StreamSupport.stream(raw.spliterator(), false).map(JsonNode::asString).toList()
                    : Arrays.stream(raw.asString().split(",")).map(String::trim).toList();
            value = items.stream().map(v -> typed(field, v)).toList();
        } else {
            value = raw == null || raw.isNull() ? null : typed(field, raw.asString());
        }
        return new Where.Condition(fieldName, operator, value, Where.Connector.AND, false);
    }

    private static Field field(OrganizationData data, String name) {
        if ("id".equals(name)) {
            return Field.of("id", dev.postern.schema.FieldType.STRING).build();
        }
        return data.schema().require(OrganizationSchema.MEMBER).field(name)
                .orElseThrow(() -> ApiException.message(BAD_REQUEST, "Unknown member field: " + name));
    }

    private static Object typed(Field field, String value) {
        try {
            return switch (field.type()) {
                case DATE -> Instant.parse(value);
                case NUMBER -> Long.parseLong(value);
                case BOOLEAN -> Boolean.parseBoolean(value);
                default -> value;
            };
        } catch (RuntimeException e) {
            throw ApiException.message(BAD_REQUEST, "Invalid filter value for " + field.name());
        }
    }

    private static Optional<Integer> positive(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            int n = node.isNumber() ? node.asInt() : Integer.parseInt(node.asString().trim());
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
