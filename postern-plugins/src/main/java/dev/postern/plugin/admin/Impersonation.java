package dev.postern.plugin.admin;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.plugin.session.SessionResponses;
import dev.postern.session.AuthCookies;
import dev.postern.session.ClientIp;
import dev.postern.session.Session;
import dev.postern.session.SessionService;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code impersonate-user} and {@code stop-impersonating}. Impersonating starts a "don't remember" session
 * for the target with {@code impersonatedBy} set and a lifetime of {@code impersonationSessionDuration},
 * and parks the admin's own session in the signed {@code admin_session} cookie as
 * {@code <adminToken>:<dont_remember value or "">}; stopping deletes the impersonation session and puts
 * the admin's back, as it was remembered. Admins can only be impersonated by holders of
 * {@code user: [impersonate-admins]} (no default role has it) or when {@code allowImpersonatingAdmins} is on.
 */
final class Impersonation {
    static final String ADMIN_SESSION = "admin_session";
    static final String IMPERSONATED_BY = "impersonatedBy";
    private static final Map<String, Object> SESSION_AND_USER = ResponseSchemas.object(ResponseSchemas.ordered(
            "session", ResponseSchemas.SESSION, "user", ResponseSchemas.USER), "session", "user");

    private final AdminOptions options;
    private final AdminPermissions permissions;

    Impersonation(AdminOptions options, AdminPermissions permissions) {
        this.options = options;
        this.permissions = permissions;
    }

    Endpoint impersonateUser() {
        return Endpoint.post("/admin/impersonate-user")
                .name("impersonateUser")
                .body(Schemas.object().required("userId", Schemas.string()))
                .summary("Impersonate a user")
                .tags("Admin")
                .response(SESSION_AND_USER)
                .noStore()
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS", "USER_NOT_FOUND",
                        "YOU_CANNOT_IMPERSONATE_ADMINS", "BANNED_USER")
                .handler(this::impersonate)
                .build();
    }

    Endpoint stopImpersonating() {
        return Endpoint.post("/admin/stop-impersonating")
                .name("stopImpersonating")
                .summary("Stop impersonating a user and return to the admin session")
                .tags("Admin")
                .response(SESSION_AND_USER)
                .noStore()
                .errors("UNAUTHORIZED")
                .handler(Impersonation::stop)
                .build();
    }

    private Object impersonate(EndpointContext ctx) {
        Session admin = permissions.require(ctx, "user", "impersonate", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS);
        Postern postern = ctx.postern();
        Row target = UserAdministration.existing(postern, ctx.bodyString("userId").orElseThrow());
        if (permissions.isAdmin(target.id(), target.string("role"))
                && !options.allowImpersonatingAdmins()
                && !permissions.allows(admin, "user", "impersonate-admins")) {
            throw AdminErrorCodes.YOU_CANNOT_IMPERSONATE_ADMINS.toException(Status.FORBIDDEN);
        }
        SessionService sessions = postern.sessions();
        Session created = sessions.createWithoutCookies(target, ClientIp.of(ctx.request(), postern.config()),
                ctx.request().header("User-Agent").orElse(""), false);
        Map<String, Object> impersonation = new LinkedHashMap<>();
        impersonation.put(IMPERSONATED_BY, admin.userId());
        impersonation.put("expiresAt", created.session().instant("createdAt").plus(options.impersonationSessionDuration()));
        Row row = sessions.update(created.token(), impersonation).orElseThrow(
                () -> AdminErrorCodes.FAILED_TO_CREATE_USER.toException(Status.INTERNAL_SERVER_ERROR));
        Session session = new Session(row, target);
        AuthCookies cookies = sessions.cookies();
        String dontRemember = cookies.readSigned(ctx.request(), AuthCookies.DONT_REMEMBER).orElse("");
        sessions.clearCookies(ctx);
        ctx.setCookie(cookies.signed(ADMIN_SESSION, admin.token() + ":" + dontRemember, sessions.settings().expiresIn()));
        sessions.setCookies(ctx, session, true);
        return SessionResponses.sessionAndUser(postern, session);
    }

    private static Object stop(EndpointContext ctx) {
        Postern postern = ctx.postern();
        SessionService sessions = postern.sessions();
        Session session = sessions.require(ctx);
        String adminId = session.session().string(IMPERSONATED_BY);
        if (adminId == null || adminId.isEmpty()) {
            throw ApiException.message(Status.BAD_REQUEST, "You are not impersonating anyone");
        }
        if (postern.users().findById(adminId).isEmpty()) {
            throw ApiException.message(Status.INTERNAL_SERVER_ERROR, "Failed to find user");
        }
        String parked = sessions.cookies().readSigned(ctx.request(), ADMIN_SESSION)
                .orElseThrow(Impersonation::noAdminSession);
        int colon = parked.indexOf(':');
        String adminToken = colon < 0 ? parked : parked.substring(0, colon);
        boolean dontRemember = colon >= 0 && !parked.substring(colon + 1).isEmpty();
        Optional<Session> adminSession = sessions.findByToken(adminToken)
                .filter(found -> found.userId().equals(adminId))
                .filter(found -> found.expiresAt().isAfter(postern.config().clock().instant()));
        Session restored = adminSession.orElseThrow(Impersonation::noAdminSession);
        sessions.revoke(session.token());
        sessions.setCookies(ctx, restored, dontRemember);
        ctx.setCookie(sessions.cookies().expired(ADMIN_SESSION));
        return SessionResponses.sessionAndUser(postern, restored);
    }

    private static ApiException noAdminSession() {
        return ApiException.message(Status.INTERNAL_SERVER_ERROR, "Failed to find admin session");
    }
}
