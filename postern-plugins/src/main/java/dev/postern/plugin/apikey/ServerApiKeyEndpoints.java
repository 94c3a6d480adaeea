package dev.postern.plugin.apikey;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.util.List;
import java.util.Map;

/**
 * The server-only api-key endpoints, reachable through {@code postern.api()} and never routed, as
 * better-auth declares them: {@code verifyApiKey} and {@code deleteAllExpiredApiKeys}.
 */
final class ServerApiKeyEndpoints {
    private static final ObjectSchema VERIFY_BODY = Schemas.object()
            .optional("configId", Schemas.string().describe("Configuration ID to scope verification to"))
            .required("key", Schemas.string().describe("The key to verify"))
            .optional("permissions", Schemas.record().describe("The permissions to verify."));

    private ServerApiKeyEndpoints() {
    }

    static List<Endpoint> endpoints(ApiKeyPlugin plugin) {
        return List.of(
                Endpoint.serverOnly("verifyApiKey").body(VERIFY_BODY)
                        .summary("Verify an API key (server only)").tags("API Key")
                        .handler(ctx -> verify(ctx, plugin)).build(),
                Endpoint.serverOnly("deleteAllExpiredApiKeys")
                        .summary("Delete every expired API key (server only)").tags("API Key")
                        .handler(ctx -> plugin.deleteAllExpiredApiKeys()).build());
    }

    private static Object verify(EndpointContext ctx, ApiKeyPlugin plugin) {
        Map<String, List<String>> permissions = ApiKeyInputs.permissions(ctx.body(), "body");
        String configId = ApiKeyInputs.string(ctx.body(), "configId").orElse(null);
        return plugin.verify(ctx.body().path("key").asString(), permissions, configId).toResponse();
    }
}
