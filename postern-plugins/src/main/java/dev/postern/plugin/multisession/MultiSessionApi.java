package dev.postern.plugin.multisession;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.SessionAndUser;
import dev.postern.api.StatusResponse;
import dev.postern.http.Headers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/**
 * Typed Java API for the {@code multi-session} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.listDeviceSessions({headers})}); {@code headers} carry the browser's
 * cookies, the multi-session ones included.
 */
public final class MultiSessionApi {
    private static final TypeReference<List<SessionAndUser>> DEVICE_SESSIONS = new TypeReference<>() {
    };
    private final PosternApi api;

    public MultiSessionApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static MultiSessionApi of(Postern postern) {
        return new MultiSessionApi(postern.api());
    }

    /** Every signed-in session of this browser, with its user. */
    public ApiResponse<List<SessionAndUser>> listDeviceSessions(Headers headers) {
        return api.call("listDeviceSessions", ApiCall.empty().withHeaders(headers), DEVICE_SESSIONS);
    }

    public ApiResponse<SessionAndUser> setActiveSession(Headers headers, String sessionToken) {
        return api.call("setActiveSession", ApiCall.body(Map.of("sessionToken", sessionToken)).withHeaders(headers),
                SessionAndUser.class);
    }

    public ApiResponse<StatusResponse> revokeDeviceSession(Headers headers, String sessionToken) {
        return api.call("revokeDeviceSession",
                ApiCall.body(Map.of("sessionToken", sessionToken)).withHeaders(headers), StatusResponse.class);
    }
}
