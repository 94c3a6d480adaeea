package dev.postern.pipeline;

import dev.postern.endpoint.Endpoint;
import dev.postern.http.AuthRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A check every routed HTTP request passes after its body is parsed and before it is validated, hooked or
 * handled, as better-auth's router middleware runs (the origin check is one). It refuses a request by
 * throwing an {@link dev.postern.error.ApiException}. Guards never see {@code postern.api()} calls: those
 * come from the application's own code, not from a browser.
 */
@FunctionalInterface
public interface RequestGuard {

    void check(Routed request);

    /**
     * A request as the guards see it.
     *
     * @param request the request as it arrived
     * @param path the path relative to the base path ({@code /sign-in/email})
     * @param endpoint the endpoint it was routed to
     * @param body the parsed body before validation (unknown keys and wrong types included), null when none
     * @param query the decoded query; a repeated parameter is an array
     */
    record Routed(AuthRequest request, String path, Endpoint endpoint, JsonNode body, ObjectNode query) {
    }
}
