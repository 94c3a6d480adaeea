package dev.postern.plugin.user;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.crypto.UriComponent;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.mail.MailKind;
import dev.postern.plugin.emailpassword.AuthMails;
import dev.postern.plugin.emailpassword.EmailPasswordErrorCodes;
import dev.postern.security.RedirectPolicy;
import dev.postern.session.Session;
import dev.postern.session.SessionErrorCodes;
import dev.postern.store.Row;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /delete-user} and {@code GET /delete-user/callback}: a signed-in user deletes their account,
 * proving it is them with their password, a recent sign-in, or a link mailed to them
 * ({@code delete-account-<token>} in the verification table, one day). The user, their sessions and
 * accounts go in one transaction, and the session cookies are cleared.
 */
final class DeleteUser {
    /** {@code {"success": true, "message": ...}}: the account is deleted, or a confirmation e-mail is on its way. */
    private static final Map<String, Object> DELETE_OUTCOME = ResponseSchemas.object(ResponseSchemas.ordered(
            "success", ResponseSchemas.bool(), "message", ResponseSchemas.string()), "success", "message");

    static final String IDENTIFIER_PREFIX = "delete-account-";
    private static final String LOWER_ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final UserPlugin plugin;

    DeleteUser(UserPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint deleteEndpoint() {
        return Endpoint.post("/delete-user")
                .name("deleteUser")
                .body(Schemas.object()
                        .optional("callbackURL", Schemas.string())
                        .optional("password", Schemas.string())
                        .optional("token", Schemas.string()))
                .summary("Delete the user")
                .tags("User")
                .response(DELETE_OUTCOME)
                .errors("UNAUTHORIZED", "INVALID_PASSWORD", "CREDENTIAL_ACCOUNT_NOT_FOUND", "PASSWORD_TOO_LONG",
                        "INVALID_TOKEN", "SESSION_EXPIRED", "INVALID_CALLBACK_URL")
                .handler(this::delete)
                .build();
    }

    Endpoint callbackEndpoint() {
        return Endpoint.get("/delete-user/callback")
                .name("deleteUserCallback")
                .query(Schemas.object()
                        .required("token", Schemas.string())
                        .optional("callbackURL", Schemas.string()))
                .summary("Callback to complete user deletion with verification token")
                .tags("User")
                .response(DELETE_OUTCOME)
                .errors("NOT_FOUND", "FAILED_TO_GET_USER_INFO", "INVALID_TOKEN", "INVALID_CALLBACK_URL")
                .handler(this::callback)
                .build();
    }

    private Object delete(EndpointContext ctx) {
        String callbackUrl = ctx.bodyString("callbackURL").orElse(null);
        RedirectPolicy.requireCallbackUrl(ctx, callbackUrl);
        Postern postern = ctx.postern();
        Session session = postern.sessions().requireSensitive(ctx);
        UserOptions.DeleteUserOptions options = plugin.options().deleteUser();
        if (!options.enabled()) {
            throw ApiException.bare(Status.NOT_FOUND);
        }
        String password = ctx.bodyString("password").filter(p -> !p.isEmpty()).orElse(null);
        if (password != null) {
            requirePassword(postern, session.userId(), password);
        }
        String token = ctx.bodyString("token").filter(t -> !t.isEmpty()).orElse(null);
        if (token != null) {
            deleteWithToken(ctx, session.user(), token);
            return outcome("User deleted");
        }
        if (options.verificationEmail()) {
            String secret = Ids.random(32, LOWER_ALPHANUMERIC);
            postern.verifications().create(IDENTIFIER_PREFIX + secret, session.userId(), options.tokenExpiresIn());
            String url = postern.config().authUrl() + "/delete-user/callback?token=" + secret + "&callbackURL="
                    + UriComponent.encode(callbackUrl == null || callbackUrl.isEmpty() ? "/" : callbackUrl);
            Row user = session.user();
            AuthMails.send(postern.config(), MailKind.DELETE_ACCOUNT, user.string("email"),
                    AuthMails.variables(url, user.string("name"), user.string("email"), null));
            return outcome("Verification email sent");
        }
        if (password == null && !postern.sessions().isFresh(session)) {
            throw SessionErrorCodes.SESSION_EXPIRED.toException(Status.BAD_REQUEST);
        }
        postern.store().transaction(tx -> {
            postern.users().in(tx).delete(session.userId());
            return null;
        });
        postern.sessions().clearCookies(ctx);
        return outcome("User deleted");
    }

    private Object callback(EndpointContext ctx) {
        String callbackUrl = ctx.queryString("callbackURL").orElse(null);
        RedirectPolicy.requireCallbackUrl(ctx, callbackUrl);
        if (!plugin.options().deleteUser().enabled()) {
            throw UserPluginErrorCodes.NOT_FOUND.toException(Status.NOT_FOUND);
        }
        Session session;
        try {
            session = ctx.postern().sessions().requireSensitive(ctx);
        } catch (ApiException noSession) {
            throw UserPluginErrorCodes.FAILED_TO_GET_USER_INFO.toException(Status.NOT_FOUND);
        }
        deleteWithToken(ctx, session.user(), ctx.queryString("token").orElseThrow());
        if (callbackUrl != null && !callbackUrl.isEmpty()) {
            throw ApiException.redirect(callbackUrl);
        }
        return outcome("User deleted");
    }

    /** Redeems the mailed token and deletes its user in one transaction; a token of another user is refused. */
    private static void deleteWithToken(EndpointContext ctx, Row user, String token) {
        Postern postern = ctx.postern();
        postern.store().transaction(tx -> {
            boolean redeemed = postern.verifications().in(tx).consume(IDENTIFIER_PREFIX + token)
                    .filter(row -> user.id().equals(row.string("value")))
                    .isPresent();
            if (!redeemed) {
                throw EmailPasswordErrorCodes.INVALID_TOKEN.toException(Status.NOT_FOUND);
            }
            postern.users().in(tx).delete(user.id());
            return null;
        });
        postern.sessions().clearCookies(ctx);
    }

    private static void requirePassword(Postern postern, String userId, String password) {
        UserPlugin.passwordRules(postern).requireNotTooLong(password);
        String hash = postern.accounts().credentialOf(userId).map(a -> a.string("password"))
                .orElseThrow(() -> UserErrorCodes.CREDENTIAL_ACCOUNT_NOT_FOUND.toException(Status.BAD_REQUEST));
        if (!UserPlugin.passwords(postern).verify(hash, password)) {
            throw EmailPasswordErrorCodes.INVALID_PASSWORD.toException(Status.BAD_REQUEST);
        }
    }

    private static Map<String, Object> outcome(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("message", message);
        return body;
    }
}
