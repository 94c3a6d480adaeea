package dev.postern.plugin.openapi;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.AuthResponse;
import dev.postern.plugin.Plugin;
import dev.postern.validation.Schemas;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * better-auth's {@code open-api} plugin: {@code GET /open-api/generate-schema} answers the OpenAPI 3.1
 * document of every enabled plugin's endpoints ({@link OpenApiDocument}), and {@code GET /reference}
 * (configurable) serves an interactive reference page over it (Swagger UI, bundled, works offline).
 */
public final class OpenApiPlugin implements Plugin {
    public static final String ID = "open-api";
    static final String SCHEMA_PATH = "/open-api/generate-schema";

    private final OpenApiOptions options;

    public OpenApiPlugin(OpenApiOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public OpenApiPlugin() {
        this(OpenApiOptions.defaults());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(schemaEndpoint(), referenceEndpoint(), assetEndpoint());
    }

    private Endpoint schemaEndpoint() {
        return Endpoint.get(SCHEMA_PATH)
                .name("generateOpenAPISchema")
                .summary("Get the OpenAPI 3.1 document of this auth server")
                .tags("OpenAPI")
                .response(Map.of("type", "object", "description", "An OpenAPI 3.1 document",
                        "required", List.of("openapi", "info", "paths")))
                .handler(ctx -> OpenApiDocument.of(ctx.postern()))
                .build();
    }

    private Endpoint referenceEndpoint() {
        return Endpoint.get(options.referencePath())
                .name("openAPIReference")
                .summary("Open the interactive API reference (Swagger UI)")
                .tags("OpenAPI")
                .response(ResponseSchemas.HTML_PAGE)
                .handler(this::reference)
                .build();
    }

    private Endpoint assetEndpoint() {
        return Endpoint.get(options.referencePath() + "/assets/:file")
                .name("openAPIReferenceAsset")
                .summary("Get a script, style sheet or icon of the reference page")
                .tags("OpenAPI")
                .response(Map.of("type", "string", "contentMediaType", "*/*"))
                .errors("NOT_FOUND")
                .handler(ctx -> ReferencePage.asset(ctx.param("file")).orElseGet(AuthResponse::notFound))
                .build();
    }

    private AuthResponse reference(EndpointContext ctx) {
        String base = ctx.postern().config().basePath();
        return ReferencePage.html(ctx.postern().config().appName() + " API reference", base + SCHEMA_PATH,
                base + options.referencePath() + "/assets");
    }
}
