package dev.postern.pipeline;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.Hook;
import dev.postern.http.AuthRequest;
import dev.postern.validation.ObjectSchema;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one endpoint call the same way whether it came over HTTP or from {@code postern.api()}:
 * validate query and body, run before-hooks, the handler, then after-hooks.
 */
public final class EndpointInvoker {
    private final Postern postern;
    private final List<Hook> beforeHooks;
    private final List<Hook> afterHooks;

    public EndpointInvoker(Postern postern, List<Hook> beforeHooks, List<Hook> afterHooks) {
        this.postern = postern;
        this.beforeHooks = List.copyOf(beforeHooks);
        this.afterHooks = List.copyOf(afterHooks);
    }

    /**
     * Validates and runs. The returned context holds the result ({@link EndpointContext#returned()})
     * and the cookies and headers to send; an {@link dev.postern.error.ApiException} propagates.
     */
    public EndpointContext invoke(Endpoint endpoint, AuthRequest request, Map<String, String> params,
                                  JsonNode rawBody, ObjectNode rawQuery, boolean http) {
        ObjectNode query = validate(endpoint.query(), rawQuery, "query");
        ObjectNode body = validateBody(endpoint.body(), rawBody);
        EndpointContext ctx = new EndpointContext(postern, endpoint, request, params, body, query, http);
        try {
            return run(endpoint, ctx);
        } catch (dev.postern.error.ApiException e) {
            // Cookies set before the failure still reach the client, as better-call keeps them.
            ctx.cookies().forEach(e::withCookie);
            throw e;
        }
    }

    private EndpointContext run(Endpoint endpoint, EndpointContext ctx) {
        for (Hook hook : beforeHooks) {
            if (hook.matcher().test(ctx)) {
                Object early = hook.handler().handle(ctx);
                if (early != null) {
                    ctx.returned(early);
                    return ctx;
                }
            }
        }
        ctx.returned(endpoint.handler().handle(ctx));
        for (Hook hook : afterHooks) {
            if (hook.matcher().test(ctx)) {
                Object replaced = hook.handler().handle(ctx);
                if (replaced != null) {
                    ctx.returned(replaced);
                }
            }
        }
        return ctx;
    }

    private static ObjectNode validateBody(ObjectSchema schema, JsonNode raw) {
        if (schema == null) {
            return raw != null && raw.isObject() ? (ObjectNode) raw : JsonNodeFactory.instance.objectNode();
        }
        // An absent body is an empty object when nothing in it is required (sign-out, revoke-sessions).
        if (raw == null && schema.fields().values().stream().allMatch(s -> s.optional())) {
            return JsonNodeFactory.instance.objectNode();
        }
        return schema.validate(raw, "body");
    }

    private static ObjectNode validate(ObjectSchema schema, ObjectNode raw, String root) {
        ObjectNode input = raw == null ? JsonNodeFactory.instance.objectNode() : raw;
        return schema == null ? input : schema.validate(input, root);
    }
}
