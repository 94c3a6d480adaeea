package dev.postern.endpoint;

import dev.postern.Postern;
import dev.postern.http.AuthRequest;
import dev.postern.http.Cookie;
import dev.postern.http.Headers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything one endpoint call sees and produces: the instance, the request, validated inputs, and the
 * headers and cookies of the response being built. One per call; not shared between threads.
 */
public final class EndpointContext {
    private final Postern postern;
    private final Endpoint endpoint;
    private AuthRequest request;
    private final Map<String, String> params;
    private final boolean http;
    private ObjectNode body;
    private ObjectNode query;
    private final List<Cookie> cookies = new ArrayList<>();
    private final Headers.Builder responseHeaders = Headers.builder();
    private final Map<String, Object> attributes = new HashMap<>();
    private Object returned;

    public EndpointContext(Postern postern, Endpoint endpoint, AuthRequest request, Map<String, String> params,
                           ObjectNode body, ObjectNode query, boolean http) {
        this.postern = postern;
        this.endpoint = endpoint;
        this.request = request;
        this.params = params;
        this.body = body;
        this.query = query;
        this.http = http;
    }

    public Postern postern() {
        return postern;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The request; for calls through {@code postern.api()} it holds the headers the caller passed. */
    public AuthRequest request() {
        return request;
    }

    /**
     * Replaces the request for the rest of the call: for before-hooks that turn a credential into the
     * cookie everything downstream reads, as the bearer plugin turns {@code Authorization: Bearer} into the
     * session cookie (better-auth's before-hooks return new {@code headers} for the same reason). The
     * guards (origin and CSRF checks) and CORS have already seen the request as it arrived, so a rewrite
     * never makes a request look like it came from a browser. A session read before the rewrite is read
     * again for the new request.
     */
    public void request(AuthRequest replacement) {
        this.request = Objects.requireNonNull(replacement, "replacement");
    }

    /** True when the call came over HTTP, false for {@code postern.api()} calls. */
    public boolean isHttp() {
        return http;
    }

    public String param(String name) {
        return params.get(name);
    }

    /** The validated body: declared fields only, types checked. Empty when the endpoint has no body. */
    public ObjectNode body() {
        return body;
    }

    /** Replaces the body; for before-hooks that rewrite input. */
    public void body(ObjectNode newBody) {
        this.body = newBody;
    }

    public ObjectNode query() {
        return query;
    }

    /** A string field of the body, or empty. */
    public Optional<String> bodyString(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asString());
    }

    public boolean bodyBoolean(String field, boolean fallback) {
        JsonNode node = body.get(field);
        return node == null || !node.isBoolean() ? fallback : node.asBoolean();
    }

    public Optional<String> queryString(String field) {
        JsonNode node = query.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asString());
    }

    public void setCookie(Cookie cookie) {
        cookies.add(cookie);
    }

    public List<Cookie> cookies() {
        return cookies;
    }

    public void setHeader(String name, String value) {
        responseHeaders.set(name, value);
    }

    public void addHeader(String name, String value) {
        responseHeaders.add(name, value);
    }

    public Headers responseHeaders() {
        return responseHeaders.build();
    }

    /** The handler's return value, for after-hooks. */
    public Object returned() {
        return returned;
    }

    public void returned(Object value) {
        this.returned = value;
    }

    /** Per-call storage for plugins, e.g. the session a before-hook resolved. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> attribute(String key) {
        return Optional.ofNullable((T) attributes.get(key));
    }

    public void attribute(String key, Object value) {
        attributes.put(key, value);
    }
}
