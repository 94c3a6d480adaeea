package dev.postern;

import dev.postern.api.ApiResponse;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.AuthRequest;
import dev.postern.http.Cookie;
import dev.postern.http.Headers;
import dev.postern.json.Json;
import dev.postern.pipeline.EndpointInvoker;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls any endpoint from Java without HTTP, as better-auth's {@code auth.api.*} does: same validation,
 * same hooks, same errors (thrown as {@link ApiException}). Server-only endpoints are reachable only
 * here. HTTP-only guards (rate limits, origin checks) do not apply: the caller is trusted code.
 *
 * <pre>{@code
 * ApiResult result = postern.api().call("signUpEmail", ApiCall.body(Map.of(
 *         "email", "ada@example.com", "password", "correct horse", "name", "Ada")));
 * }</pre>
 */
public final class PosternApi {
    private final Map<String, Endpoint> byName;
    private final EndpointInvoker invoker;
    private final String basePath;

    PosternApi(Collection<Endpoint> endpoints, EndpointInvoker invoker, String basePath) {
        Map<String, Endpoint> map = new LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            Endpoint previous = map.put(e.name(), e);
            if (previous != null) {
                throw new IllegalArgumentException("Two endpoints are named '" + e.name() + "': "
                        + previous.path() + " and " + e.path());
            }
        }
        this.byName = Map.copyOf(map);
        this.invoker = invoker;
        this.basePath = basePath;
    }

    /** The names callable here. */
    public java.util.Set<String> names() {
        return byName.keySet();
    }

    /** Calls the endpoint named {@code name} and returns its value, cookies and headers. */
    public ApiResult call(String name, ApiCall input) {
        Endpoint endpoint = byName.get(name);
        if (endpoint == null) {
            throw new IllegalArgumentException("No endpoint named '" + name + "'; known: " + byName.keySet());
        }
        String method = endpoint.methods().contains("POST") ? "POST" : endpoint.methods().iterator().next();
        AuthRequest request = new AuthRequest(method, basePath + endpoint.path(), Map.of(), input.headers(),
                new byte[0], null);
        ObjectNode query = input.query() == null ? JsonNodeFactory.instance.objectNode() : input.query();
        EndpointContext ctx = invoker.invoke(endpoint, request, input.params(), input.body(), query, false);
        return new ApiResult(ctx.returned(), ctx.cookies(), ctx.responseHeaders());
    }

    public ApiResult call(String name) {
        return call(name, ApiCall.empty());
    }

    /**
     * Calls the endpoint named {@code name} and reads its value as {@code type}: what the typed facades
     * ({@code SessionApi}, {@code EmailPasswordApi}, ...) are made of. A JSON {@code null} answer (no
     * session) is a null value.
     */
    public <T> ApiResponse<T> call(String name, ApiCall input, Class<T> type) {
        ApiResult result = call(name, input);
        JsonNode json = result.json();
        T value = json == null || json.isNull() ? null : Json.mapper().treeToValue(json, type);
        return new ApiResponse<>(value, json, result.cookies(), result.headers());
    }

    /** As {@link #call(String, ApiCall, Class)}, for generic answers such as {@code List<ApiSession>}. */
    public <T> ApiResponse<T> call(String name, ApiCall input, TypeReference<T> type) {
        ApiResult result = call(name, input);
        JsonNode json = result.json();
        T value = json == null || json.isNull() ? null : Json.mapper().convertValue(json, type);
        return new ApiResponse<>(value, json, result.cookies(), result.headers());
    }

    /** The input of a Java API call: body, query, path parameters and request headers (cookies). */
    public record ApiCall(JsonNode body, ObjectNode query, Map<String, String> params, Headers headers) {
        public ApiCall {
            params = params == null ? Map.of() : Map.copyOf(params);
            headers = headers == null ? Headers.empty() : headers;
        }

        public static ApiCall empty() {
            return new ApiCall(null, null, Map.of(), Headers.empty());
        }

        public static ApiCall body(Map<String, ?> body) {
            return empty().withBody(body);
        }

        public ApiCall withBody(Map<String, ?> newBody) {
            return new ApiCall(Json.valueToTree(newBody), query, params, headers);
        }

        /**
         * The body from a request record: its non-null components, as a client leaves out what it does not
         * send; a component named {@code additionalFields} (a map) is spread into the body, for the extra
         * user or session fields an endpoint accepts.
         */
        public ApiCall withBody(Record request) {
            return new ApiCall(RequestRecords.toBody(request), query, params, headers);
        }

        /** The query from a request record, as {@link #withBody(Record)} makes a body. */
        public ApiCall withQuery(Record request) {
            return new ApiCall(body, RequestRecords.toBody(request), params, headers);
        }

        public ApiCall withQuery(Map<String, ?> newQuery) {
            return new ApiCall(body, (ObjectNode) Json.valueToTree(newQuery), params, headers);
        }

        public ApiCall withParams(Map<String, String> newParams) {
            return new ApiCall(body, query, newParams, headers);
        }

        /** Passes the caller's request headers (e.g. its {@code Cookie}) so session endpoints see a user. */
        public ApiCall withHeaders(Headers newHeaders) {
            return new ApiCall(body, query, params, newHeaders);
        }
    }

    /**
     * What a Java API call returned.
     *
     * @param value the handler's value: a record, a Map, a Row, null...
     * @param cookies cookies the endpoint set; forward them when acting for a browser
     * @param headers other response headers
     */
    public record ApiResult(Object value, List<Cookie> cookies, Headers headers) {
        public ApiResult {
            cookies = List.copyOf(cookies);
        }

        /** The value as a JSON tree, as a client would see it. */
        public JsonNode json() {
            return Json.valueToTree(value);
        }
    }
}
