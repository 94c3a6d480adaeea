package dev.postern.plugin.multisession;

import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.Hook;
import dev.postern.http.Cookie;
import dev.postern.session.AuthCookies;
import dev.postern.session.Session;
import dev.postern.session.SessionService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The after-hooks that keep a device's multi-session cookies: every call that starts a session adds a
 * cookie for it (replacing, and revoking, the device's older sessions of the same user), up to
 * {@code maximumSessions}; {@code /sign-out} expires all of them and revokes their sessions.
 */
final class DeviceSessionHooks {
    private final MultiSessionOptions options;

    DeviceSessionHooks(MultiSessionOptions options) {
        this.options = options;
    }

    List<Hook> afterHooks() {
        return List.of(Hook.always(this::rememberNewSession), Hook.onPaths(Set.of("/sign-out"), DeviceSessionHooks::signOutAll));
    }

    private Object rememberNewSession(EndpointContext ctx) {
        SessionService sessions = ctx.postern().sessions();
        Optional<Session> created = sessions.newSession(ctx);
        if (created.isEmpty() || ctx.cookies().isEmpty()) {
            return null;
        }
        Session session = created.get();
        String key = DeviceSessionCookies.key(session.token());
        String name = sessions.cookies().name(key);
        if (setsCookie(ctx, name) || ctx.request().cookie(name).isPresent()) {
            return null;
        }
        List<DeviceSessionCookies.Entry> held = DeviceSessionCookies.of(ctx);
        List<String> replaced = new ArrayList<>();
        for (DeviceSessionCookies.Entry entry : held) {
            Optional<Session> other = sessions.findByToken(entry.token());
            if (other.isPresent() && other.get().userId().equals(session.userId())) {
                replaced.add(entry.token());
                ctx.setCookie(DeviceSessionCookies.expire(sessions, entry.key()));
            }
        }
        replaced.forEach(sessions::revoke);
        int count = held.size() - replaced.size() + (setsCookie(ctx, sessions.cookies().name(AuthCookies.SESSION_TOKEN)) ? 1 : 0);
        if (count > options.maximumSessions()) {
            return null;
        }
        ctx.setCookie(DeviceSessionCookies.set(sessions, session.token()));
        return null;
    }

    private static Object signOutAll(EndpointContext ctx) {
        SessionService sessions = ctx.postern().sessions();
        for (DeviceSessionCookies.Entry entry : DeviceSessionCookies.of(ctx)) {
            ctx.setCookie(DeviceSessionCookies.expire(sessions, entry.key()));
            sessions.revoke(entry.token());
        }
        return null;
    }

    private static boolean setsCookie(EndpointContext ctx, String name) {
        for (Cookie cookie : ctx.cookies()) {
            if (cookie.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
