package dev.postern.plugin.session;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.ApiSession;
import dev.postern.api.SessionAndUser;
import dev.postern.api.StatusResponse;
import dev.postern.api.SuccessResponse;
import dev.postern.http.Headers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;

/**
 * Typed Java API for the {@code session} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.getSession({headers})}): {@code headers} are the caller's request headers,
 * whose {@code Cookie} (or {@code Authorization} with the bearer plugin) says whose session it is.
 *
 * <pre>{@code
 * SessionApi sessions = SessionApi.of(postern);
 * SessionAndUser current = sessions.getSession(requestHeaders).value(); // null when signed out
 * }</pre>
 */
public final class SessionApi {
    private static final TypeReference<List<ApiSession>> SESSIONS = new TypeReference<>() {
    };
    private final PosternApi api;

    public SessionApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static SessionApi of(Postern postern) {
        return new SessionApi(postern.api());
    }

    /** The session of the request and its user; a null value when the headers carry no valid session. */
    public ApiResponse<SessionAndUser> getSession(Headers headers) {
        return api.call("getSession", ApiCall.empty().withHeaders(headers), SessionAndUser.class);
    }

    /** Every live session of the signed-in user. */
    public ApiResponse<List<ApiSession>> listSessions(Headers headers) {
        return api.call("listSessions", ApiCall.empty().withHeaders(headers), SESSIONS);
    }

    /** Revokes one of the user's sessions by its token. */
    public ApiResponse<StatusResponse> revokeSession(Headers headers, String token) {
        return api.call("revokeSession", ApiCall.body(Map.of("token", token)).withHeaders(headers),
                StatusResponse.class);
    }

    /** Revokes every session of the user, this one included. */
    public ApiResponse<StatusResponse> revokeSessions(Headers headers) {
        return api.call("revokeSessions", ApiCall.empty().withHeaders(headers), StatusResponse.class);
    }

    /** Revokes every session of the user but this one. */
    public ApiResponse<StatusResponse> revokeOtherSessions(Headers headers) {
        return api.call("revokeOtherSessions", ApiCall.empty().withHeaders(headers), StatusResponse.class);
    }

    /** The session's answer to {@code updateSession}. */
    public record UpdateSessionResponse(ApiSession session) {
    }

    /** Sets additional fields of the current session (those configured with input allowed). */
    public ApiResponse<UpdateSessionResponse> updateSession(Headers headers, Map<String, Object> fields) {
        return api.call("updateSession", ApiCall.body(fields).withHeaders(headers), UpdateSessionResponse.class);
    }

    /** Ends the current session; the returned cookies clear the browser's. */
    public ApiResponse<SuccessResponse> signOut(Headers headers) {
        return api.call("signOut", ApiCall.empty().withHeaders(headers), SuccessResponse.class);
    }
}
