package dev.postern.plugin.apikey;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signed-in user's own keys: {@code GET /api-key/get?id=}, {@code GET /api-key/list} and
 * {@code POST /api-key/delete}. Each needs a session (401 {@code UNAUTHORIZED}) and never returns the
 * hashed key.
 */
final class OwnerApiKeyEndpoints {
    private static final ObjectSchema GET_QUERY = Schemas.object()
            .optional("configId", Schemas.string())
            .required("id", Schemas.string().describe("The id of the Api Key"));
    private static final ObjectSchema LIST_QUERY = Schemas.object()
            .optional("configId", Schemas.string().describe("Filter by configuration ID"))
            .optional("organizationId", Schemas.string().describe("Organization ID to list keys for"))
            .optional("limit", Schemas.integer().coerced().min(0).describe("The number of API keys to return"))
            .optional("offset", Schemas.integer().coerced().min(0).describe("The offset to start from"))
            .optional("sortBy", Schemas.string().describe("The field to sort by (e.g., createdAt, name, expiresAt)"))
            .optional("sortDirection", Schemas.oneOf("asc", "desc").describe("The direction to sort by"));
    private static final ObjectSchema DELETE_BODY = Schemas.object()
            .optional("configId", Schemas.string())
            .required("keyId", Schemas.string().describe("The id of the Api Key"));

    private OwnerApiKeyEndpoints() {
    }

    static List<Endpoint> endpoints(ApiKeyPlugin plugin) {
        return List.of(
                Endpoint.get("/api-key/get").name("getApiKey").query(GET_QUERY)
                        .summary("Retrieve an existing API key by ID").tags("API Key").response(ApiKeySchemas.API_KEY)
                        .errors("UNAUTHORIZED", ApiKeyErrorCodes.KEY_NOT_FOUND.code())
                        .handler(ctx -> get(ctx, plugin.service())).build(),
                Endpoint.get("/api-key/list").name("listApiKeys").query(LIST_QUERY)
                        .summary("List all API keys for the authenticated user").tags("API Key").response(ApiKeySchemas.LIST)
                        .errors("UNAUTHORIZED")
                        .handler(ctx -> list(ctx, plugin.service())).build(),
                Endpoint.post("/api-key/delete").name("deleteApiKey").body(DELETE_BODY)
                        .summary("Delete an existing API key").tags("API Key").response(ApiKeySchemas.SUCCESS)
                        .errors("UNAUTHORIZED", ApiKeyErrorCodes.USER_BANNED.code(), ApiKeyErrorCodes.KEY_NOT_FOUND.code())
                        .handler(ctx -> delete(ctx, plugin.service())).build());
    }

    private static Object get(EndpointContext ctx, ApiKeyService service) {
        Session session = ctx.postern().sessions().require(ctx);
        Row key = OwnedKeys.find(service, ctx.query().path("id").asString(), session.userId());
        service.sweepQuietly();
        return ApiKeyResponses.of(key);
    }

    private static Object list(EndpointContext ctx, ApiKeyService service) {
        Session session = ctx.postern().sessions().require(ctx);
        ObjectNode query = ctx.query();
        if (query.hasNonNull("organizationId")) {
            throw OrganizationKeys.pluginRequired();
        }
        List<Row> keys = new ArrayList<>();
        if (service.options().references() == ApiKeyOptions.References.USER) {
            for (Row key : service.keys().listByReference(session.userId())) {
                if (key.string("referenceId").equals(session.userId())
                        && ApiKeyService.configIdMatches(key.string("configId"), ApiKeyOptions.DEFAULT_CONFIG_ID)) {
                    keys.add(key);
                }
            }
        }
        if (query.hasNonNull("sortBy")) {
            keys.sort(order(query.get("sortBy").asString(), "desc".equals(query.path("sortDirection").asString("asc"))));
        }
        int total = keys.size();
        Integer offset = query.hasNonNull("offset") ? query.get("offset").asInt() : null;
        Integer limit = query.hasNonNull("limit") ? query.get("limit").asInt() : null;
        List<Row> page = keys.subList(Math.min(offset == null ? 0 : offset, total), total);
        if (limit != null) {
            page = page.subList(0, Math.min(limit, page.size()));
        }
        service.sweepQuietly();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiKeys", page.stream().map(ApiKeyResponses::of).toList());
        out.put("total", total);
        if (limit != null) {
            out.put("limit", limit);
        }
        if (offset != null) {
            out.put("offset", offset);
        }
        return out;
    }

    /** Nulls first ascending, last descending, as better-auth's in-memory sort. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Row> order(String field, boolean descending) {
        Comparator<Object> values = (a, b) -> {
            if (a == null && b == null) {
                return 0;
            }
            if (a == null) {
                return -1;
            }
            if (b == null) {
                return 1;
            }
            if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
                return ca.compareTo(b);
            }
            return String.valueOf(a).compareTo(String.valueOf(b));
        };
        Comparator<Row> ascending = (x, y) -> values.compare(x.get(field), y.get(field));
        return descending ? ascending.reversed() : ascending;
    }

    private static Object delete(EndpointContext ctx, ApiKeyService service) {
        Session session = ctx.postern().sessions().require(ctx);
        if (Boolean.TRUE.equals(session.user().get("banned"))) {
            throw ApiKeyErrorCodes.USER_BANNED.toException(Status.UNAUTHORIZED);
        }
        Row key = OwnedKeys.find(service, ctx.body().path("keyId").asString(), session.userId());
        service.keys().delete(key);
        service.sweepQuietly();
        return Map.of("success", true);
    }
}
