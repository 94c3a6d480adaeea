package dev.postern.plugin.multisession;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.plugin.session.SessionResponses;
import dev.postern.session.Session;
import dev.postern.session.SessionService;
import dev.postern.validation.Schemas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoints of {@code multi-session}: list the accounts signed in on this device, switch the active
 * one, sign one out. A device only ever reaches sessions whose signed cookies it holds.
 */
final class DeviceSessionEndpoints {
    private static final Map<String, Object> STATUS_TRUE = Map.of("status", true);

    private DeviceSessionEndpoints() {
    }

    static List<Endpoint> all() {
        return List.of(list(), setActive(), revoke());
    }

    /** {@code GET /multi-session/list-device-sessions}: {@code [{session, user}]}, one per user, live ones only. */
    private static Endpoint list() {
        return Endpoint.get("/multi-session/list-device-sessions")
                .name("listDeviceSessions")
                .summary("List the sessions of every account signed in on this device")
                .tags("Multi session")
                .response(ResponseSchemas.arrayOf(ResponseSchemas.object(ResponseSchemas.ordered(
                        "session", ResponseSchemas.SESSION, "user", ResponseSchemas.USER), "session", "user")))
                .noStore()
                .handler(DeviceSessionEndpoints::handleList)
                .build();
    }

    private static Object handleList(EndpointContext ctx) {
        List<Object> out = new ArrayList<>();
        Set<String> users = new HashSet<>();
        for (DeviceSessionCookies.Entry entry : DeviceSessionCookies.of(ctx)) {
            Optional<Session> session = DeviceSessionCookies.live(ctx, entry.token());
            if (session.isPresent() && users.add(session.get().userId())) {
                out.add(SessionResponses.sessionAndUser(ctx.postern(), session.get()));
            }
        }
        return out;
    }

    /** {@code POST /multi-session/set-active}: makes a session this device holds the active one. */
    private static Endpoint setActive() {
        return Endpoint.post("/multi-session/set-active")
                .name("setActiveSession")
                .body(Schemas.object().required("sessionToken", Schemas.string()))
                .summary("Set the active session")
                .tags("Multi session")
                .response(ResponseSchemas.object(ResponseSchemas.ordered(
                        "session", ResponseSchemas.SESSION, "user", ResponseSchemas.USER), "session", "user"))
                .noStore()
                .errors("INVALID_SESSION_TOKEN")
                .handler(DeviceSessionEndpoints::handleSetActive)
                .build();
    }

    private static Object handleSetActive(EndpointContext ctx) {
        SessionService sessions = ctx.postern().sessions();
        String requested = ctx.bodyString("sessionToken").orElseThrow();
        String token = DeviceSessionCookies.read(ctx, requested).orElseThrow(DeviceSessionEndpoints::invalid);
        Optional<Session> session = DeviceSessionCookies.live(ctx, token);
        if (session.isEmpty()) {
            ctx.setCookie(DeviceSessionCookies.expire(sessions, DeviceSessionCookies.key(requested)));
            throw invalid();
        }
        sessions.setCookies(ctx, session.get());
        return SessionResponses.sessionAndUser(ctx.postern(), session.get());
    }

    /**
     * {@code POST /multi-session/revoke}: signs one account of this device out. Revoking the active one
     * makes the next live session of the device active, or signs the device out when there is none.
     */
    private static Endpoint revoke() {
        return Endpoint.post("/multi-session/revoke")
                .name("revokeDeviceSession")
                .body(Schemas.object().required("sessionToken", Schemas.string()))
                .summary("Revoke a device session")
                .tags("Multi session")
                .response(ResponseSchemas.STATUS)
                .errors("UNAUTHORIZED", "INVALID_SESSION_TOKEN")
                .handler(DeviceSessionEndpoints::handleRevoke)
                .build();
    }

    private static Object handleRevoke(EndpointContext ctx) {
        SessionService sessions = ctx.postern().sessions();
        Session current = sessions.require(ctx);
        String requested = ctx.bodyString("sessionToken").orElseThrow();
        String token = DeviceSessionCookies.read(ctx, requested).orElseThrow(DeviceSessionEndpoints::invalid);
        sessions.revoke(token);
        ctx.setCookie(DeviceSessionCookies.expire(sessions, DeviceSessionCookies.key(requested)));
        if (!current.token().equals(token)) {
            return STATUS_TRUE;
        }
        Optional<Session> next = DeviceSessionCookies.of(ctx).stream()
                .filter(entry -> !entry.token().equals(token))
                .map(entry -> DeviceSessionCookies.live(ctx, entry.token()))
                .flatMap(Optional::stream)
                .findFirst();
        if (next.isPresent()) {
            sessions.setCookies(ctx, next.get());
        } else {
            sessions.clearCookies(ctx);
        }
        return STATUS_TRUE;
    }

    private static ApiException invalid() {
        return MultiSessionErrorCodes.INVALID_SESSION_TOKEN.toException(Status.UNAUTHORIZED);
    }
}
