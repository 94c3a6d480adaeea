package dev.postern.testkit;

import dev.postern.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** A response seen by {@link TestClient}, with the assertions plugin tests need most. */
public record TestResponse(int status, Map<String, List<String>> headers, String body) {

    public TestResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
    }

    /** The body parsed as JSON. */
    public JsonNode json() {
        return Json.parse(body);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> setCookies() {
        return headers.getOrDefault("set-cookie", List.of());
    }

    /** Fails with the body in the message when the status differs; returns this for chaining. */
    public TestResponse assertStatus(int expected) {
        if (status != expected) {
            throw new AssertionError("Expected HTTP " + expected + " but got " + status + ": " + body);
        }
        return this;
    }

    /** Fails unless the body is better-auth's error shape with this status and code. */
    public TestResponse assertError(int expectedStatus, String expectedCode) {
        assertStatus(expectedStatus);
        String code = json().path("code").asString();
        if (!expectedCode.equals(code)) {
            throw new AssertionError("Expected error code " + expectedCode + " but got: " + body);
        }
        return this;
    }
}
