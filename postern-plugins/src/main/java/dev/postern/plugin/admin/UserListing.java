package dev.postern.plugin.admin;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.Table;
import dev.postern.store.Operator;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.StoreUnavailableException;
import dev.postern.store.Where;
import dev.postern.validation.Schemas;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /admin/list-users}: one page of users with better-auth's search ({@code searchValue} in
 * {@code searchField} by {@code searchOperator}), filter ({@code filterField filterOperator filterValue}),
 * sort and paging, answered as {@code {users, total, limit, offset}} where {@code total} counts every
 * match. As in better-auth, a query the store cannot run (a field that does not exist, a value it
 * cannot compare) answers an empty list rather than an error.
 */
final class UserListing {
    private static final String[] OPERATORS = {"eq", "ne", "lt", "lte", "gt", "gte", "in", "not_in", "contains",
            "starts_with", "ends_with"};

    private final AdminPermissions permissions;

    UserListing(AdminPermissions permissions) {
        this.permissions = permissions;
    }

    Endpoint endpoint() {
        return Endpoint.get("/admin/list-users")
                .name("listUsers")
                .query(Schemas.object()
                        .optional("searchValue", Schemas.string())
                        .optional("searchField", Schemas.oneOf("email", "name"))
                        .optional("searchOperator", Schemas.oneOf("contains", "starts_with", "ends_with"))
                        .optional("limit", Schemas.string())
                        .optional("offset", Schemas.string())
                        .optional("sortBy", Schemas.string())
                        .optional("sortDirection", Schemas.oneOf("asc", "desc"))
                        .optional("filterField", Schemas.string())
                        .optional("filterValue", Schemas.any())
                        .optional("filterOperator", Schemas.oneOf(OPERATORS)))
                .summary("List users")
                .tags("Admin")
                .response(ResponseSchemas.object(ResponseSchemas.ordered(
                        "users", ResponseSchemas.arrayOf(ResponseSchemas.USER),
                        "total", Map.of("type", "number"),
                        "limit", Map.of("type", "number"),
                        "offset", Map.of("type", "number")), "users", "total"))
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        permissions.require(ctx, "user", "list", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_LIST_USERS);
        Postern postern = ctx.postern();
        Table users = postern.schema().require(CoreSchema.USER);
        Optional<Integer> limit = positive(ctx.queryString("limit"));
        Optional<Integer> offset = positive(ctx.queryString("offset"));
        Optional<Where> where = where(ctx, users);
        Optional<String> sortBy = ctx.queryString("sortBy");
        if (where.isEmpty() || sortBy.filter(field -> users.field(field).isEmpty()).isPresent()) {
            return empty();
        }
        Query query = Query.where(where.get());
        if (sortBy.isPresent()) {
            boolean descending = ctx.queryString("sortDirection").filter("desc"::equals).isPresent();
            query = query.sortBy(sortBy.get(), descending ? Query.Direction.DESC : Query.Direction.ASC);
        }
        query = limit.map(query::limit).orElse(query);
        query = offset.map(query::offset).orElse(query);
        List<Row> page;
        long total;
        try {
            page = postern.store().findMany(CoreSchema.USER, query);
            total = postern.store().count(CoreSchema.USER, where.get());
        } catch (StoreUnavailableException down) {
            throw down;
        } catch (RuntimeException refused) {
            return empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("users", page.stream().map(postern.users()::output).toList());
        body.put("total", total);
        limit.ifPresent(n -> body.put("limit", n));
        offset.ifPresent(n -> body.put("offset", n));
        return body;
    }

    /** The search and filter conditions; empty when they name a field or value the user table cannot take. */
    private static Optional<Where> where(EndpointContext ctx, Table users) {
        Where where = Where.all();
        Optional<String> search = ctx.queryString("searchValue").filter(s -> !s.isEmpty());
        if (search.isPresent()) {
            where = where.and(ctx.queryString("searchField").orElse("email"),
                    operator(ctx.queryString("searchOperator").orElse("contains")), search.get());
        }
        var filterValue = ctx.query().get("filterValue");
        if (filterValue != null && !filterValue.isNull()) {
            String field = ctx.queryString("filterField").orElse("email");
            Operator operator = operator(ctx.queryString("filterOperator").orElse("eq"));
            Optional<Field> declared = users.field(field);
            if (declared.isEmpty()) {
                return Optional.empty();
            }
            Optional<Object> value = value(declared.get(), filterValue.isString() ? filterValue.stringValue()
                    : filterValue.toString(), operator);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            where = where.and(field, operator, value.get());
        }
        return Optional.of(where);
    }

    /** A query-string value as the field's type; {@code in}/{@code not_in} take a comma-separated list. */
    private static Optional<Object> value(Field field, String text, Operator operator) {
        if (operator == Operator.IN || operator == Operator.NOT_IN) {
            List<Object> items = new java.util.ArrayList<>();
            for (String item : Arrays.stream(text.split(",")).map(String::trim).toList()) {
                Optional<Object> one = scalar(field, item);
                if (one.isEmpty()) {
                    return Optional.empty();
                }
                items.add(one.get());
            }
            return Optional.of(items);
        }
        return scalar(field, text);
    }

    private static Optional<Object> scalar(Field field, String text) {
        try {
            return switch (field.type()) {
                case BOOLEAN -> switch (text) {
                    case "true" -> Optional.of(true);
                    case "false" -> Optional.of(false);
                    default -> Optional.empty();
                };
                case NUMBER -> Optional.of(Double.parseDouble(text));
                case DATE -> Optional.<Object>of(OffsetDateTime.parse(text).toInstant());
                default -> Optional.of(text);
            };
        } catch (RuntimeException unparsable) {
            return Optional.empty();
        }
    }

    private static Operator operator(String name) {
        return Operator.valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** {@code Number(x) || undefined}: a positive whole number, else nothing. */
    private static Optional<Integer> positive(Optional<String> text) {
        try {
            return text.map(String::trim).map(Integer::parseInt).filter(n -> n > 0);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> empty() {
        return Map.of("users", List.of(), "total", 0);
    }
}
