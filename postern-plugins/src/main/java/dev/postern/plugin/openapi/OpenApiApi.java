package dev.postern.plugin.openapi;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.PosternApi.ApiResult;
import dev.postern.api.ApiResponse;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code open-api} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.generateOpenAPISchema()}). The reference page and its assets are raw
 * HTTP responses (HTML, scripts), returned as the untyped {@link ApiResult}.
 */
public final class OpenApiApi {
    private final PosternApi api;

    public OpenApiApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static OpenApiApi of(Postern postern) {
        return new OpenApiApi(postern.api());
    }

    /** The OpenAPI 3.1 document of every routed endpoint. */
    public record OpenApiSchema(String openapi, Map<String, Object> info, Map<String, Object> paths,
                                Map<String, Object> components) {
    }

    public ApiResponse<OpenApiSchema> generateOpenAPISchema() {
        return api.call("generateOpenAPISchema", ApiCall.empty(), OpenApiSchema.class);
    }

    /** The HTML reference page; its value is the HTTP response. */
    public ApiResult openAPIReference() {
        return api.call("openAPIReference", ApiCall.empty());
    }

    /** One static asset of the reference page ({@code file}); its value is the HTTP response. */
    public ApiResult openAPIReferenceAsset(String file) {
        return api.call("openAPIReferenceAsset", ApiCall.empty().withParams(Map.of("file", file)));
    }
}
