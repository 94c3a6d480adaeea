package dev.postern.core;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.AuthResponse;
import dev.postern.validation.Schemas;
import java.util.List;
import java.util.Map;

/** The endpoints every instance has, whatever plugins are enabled: {@code /ok} and {@code /error}. */
public final class CoreEndpoints {
    private CoreEndpoints() {
    }

    public static List<Endpoint> all() {
        return List.of(ok(), error());
    }

    static Endpoint ok() {
        return Endpoint.get("/ok").name("ok")
                .summary("Check that the auth server answers")
                .tags("Default")
                .hidden()
                .response(Map.of("type", "object", "properties", Map.of("ok", Map.of("type", "boolean"))))
                .handler(ctx -> Map.of("ok", true))
                .build();
    }

    static Endpoint error() {
        return Endpoint.get("/error").name("error")
                .summary("Render the error page users land on when a redirect flow fails")
                .tags("Default")
                .response(ResponseSchemas.HTML_PAGE)
                .hidden()
                .query(Schemas.object()
                        .optional("error", Schemas.string())
                        .optional("error_description", Schemas.string()))
                .handler(ctx -> AuthResponse.html(200, ErrorPage.render(
                        ctx.queryString("error").orElse("UNKNOWN"),
                        ctx.queryString("error_description").orElse(null))))
                .build();
    }
}
