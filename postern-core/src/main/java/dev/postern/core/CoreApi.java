package dev.postern.core;

import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.http.AuthResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the endpoints every instance has ({@link CoreEndpoints}): one method per endpoint,
 * named as the endpoint. Plugins follow the same pattern in their own package ({@code SessionApi},
 * {@code EmailPasswordApi}, {@code UserApi}).
 */
public final class CoreApi {
    private final PosternApi api;

    public CoreApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    /** {@code {ok: true}}, the liveness answer. */
    public record OkResponse(boolean ok) {
    }

    /** {@code GET /ok}. */
    public ApiResponse<OkResponse> ok() {
        return api.call("ok", ApiCall.empty(), OkResponse.class);
    }

    /**
     * {@code GET /error}: the HTML page a browser lands on when a redirect flow fails.
     *
     * @param error the error code shown ({@code UNKNOWN} when null)
     * @param description a sentence under it, or null
     */
    public String error(String error, String description) {
        Map<String, String> query = new LinkedHashMap<>();
        if (error != null) {
            query.put("error", error);
        }
        if (description != null) {
            query.put("error_description", description);
        }
        AuthResponse page = (AuthResponse) api.call("error", ApiCall.empty().withQuery(query)).value();
        return new String(page.body(), StandardCharsets.UTF_8);
    }
}
