package dev.postern.plugin.emailpassword;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Status;
import dev.postern.session.ClientIp;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Password changes of a signed-in user: {@code POST /change-password}, {@code POST /verify-password} and the
 * server-only {@code setPassword} (for users who signed up with a provider and have no password yet). All of
 * them read the session from the database, never from the cookie cache, so a revoked session cannot use them.
 */
final class PasswordChanges {
    private final EmailPasswordPlugin plugin;

    PasswordChanges(EmailPasswordPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint changePasswordEndpoint() {
        return Endpoint.post("/change-password")
                .name("changePassword")
                .body(Schemas.object()
                        .required("newPassword", Schemas.string())
                        .required("currentPassword", Schemas.string())
                        .optional("revokeOtherSessions", Schemas.bool()))
                .summary("Change the password of the user")
                .tags("Email and password")
                .response(ResponseSchemas.TOKEN_AND_USER)
                .noStore()
                .errors("UNAUTHORIZED", "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "CREDENTIAL_ACCOUNT_NOT_FOUND",
                        "INVALID_PASSWORD")
                .handler(this::changePassword)
                .build();
    }

    Endpoint setPasswordEndpoint() {
        return Endpoint.serverOnly("setPassword")
                .body(Schemas.object().required("newPassword", Schemas.string()))
                .summary("Set a password for a user who has none")
                .errors("UNAUTHORIZED", "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "PASSWORD_ALREADY_SET")
                .handler(this::setPassword)
                .build();
    }

    Endpoint verifyPasswordEndpoint() {
        return Endpoint.post("/verify-password")
                .name("verifyPassword")
                .body(Schemas.object().required("password", Schemas.string()))
                .summary("Verify the current user's password")
                .tags("Email and password")
                .response(ResponseSchemas.STATUS)
                .hidden()
                .errors("UNAUTHORIZED", "PASSWORD_TOO_LONG", "INVALID_PASSWORD")
                .handler(this::verifyPassword)
                .build();
    }

    /**
     * Writes the new hash and, with {@code revokeOtherSessions}, deletes every session of the user in the same
     * transaction, then starts a fresh one for this caller and answers its token.
     */
    private Object changePassword(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().requireSensitive(ctx);
        String newPassword = ctx.bodyString("newPassword").orElseThrow();
        String currentPassword = ctx.bodyString("currentPassword").orElseThrow();
        boolean revokeOthers = ctx.bodyBoolean("revokeOtherSessions", false);
        plugin.passwordRules().requireAcceptable(newPassword);
        plugin.passwordRules().requireNotTooLong(currentPassword);
        String userId = session.userId();
        String currentHash = postern.accounts().credentialOf(userId).map(a -> a.string("password"))
                .orElseThrow(() -> UserErrorCodes.CREDENTIAL_ACCOUNT_NOT_FOUND.toException(Status.BAD_REQUEST));
        String newHash = plugin.passwords().hash(newPassword);
        if (!plugin.passwords().verify(currentHash, currentPassword)) {
            throw EmailPasswordErrorCodes.INVALID_PASSWORD.toException(Status.BAD_REQUEST);
        }
        postern.store().transaction(tx -> {
            if (revokeOthers) {
                postern.users().in(tx).deleteSessions(userId);
            }
            postern.accounts().in(tx).setPassword(userId, newHash);
            return null;
        });
        String token = null;
        if (revokeOthers) {
            Session fresh = postern.sessions().createWithoutCookies(session.user(),
                    ClientIp.of(ctx.request(), postern.config().production()),
                    ctx.request().header("User-Agent").orElse(""), true);
            postern.sessions().setCookies(ctx, fresh);
            token = fresh.token();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("user", postern.users().output(session.user()));
        return body;
    }

    private Object setPassword(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().requireSensitive(ctx);
        String newPassword = ctx.bodyString("newPassword").orElseThrow();
        plugin.passwordRules().requireAcceptable(newPassword);
        Optional<Row> account = postern.accounts().credentialOf(session.userId());
        if (account.isPresent() && account.get().string("password") != null) {
            throw EmailPasswordErrorCodes.PASSWORD_ALREADY_SET.toException(Status.BAD_REQUEST);
        }
        postern.accounts().setPassword(session.userId(), plugin.passwords().hash(newPassword));
        return Map.of("status", true);
    }

    private Object verifyPassword(EndpointContext ctx) {
        Session session = ctx.postern().sessions().requireSensitive(ctx);
        String password = ctx.bodyString("password").orElseThrow();
        if (!matchesPassword(ctx.postern(), session.userId(), password)) {
            throw EmailPasswordErrorCodes.INVALID_PASSWORD.toException(Status.BAD_REQUEST);
        }
        return Map.of("status", true);
    }

    /** Whether {@code password} is the user's; false when they have no password at all. */
    boolean matchesPassword(Postern postern, String userId, String password) {
        plugin.passwordRules().requireNotTooLong(password);
        Optional<String> hash = postern.accounts().credentialOf(userId).map(a -> a.string("password"));
        return hash.isPresent() && plugin.passwords().verify(hash.get(), password);
    }
}
