package dev.postern.plugin.emailpassword;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.crypto.UriComponent;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.mail.MailKind;
import dev.postern.security.RedirectPolicy;
import dev.postern.store.Row;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The forgotten-password flow, with better-auth's token format: a 24-character token stored in the
 * verification table as {@code reset-password:<token>} holding the user id for one hour, and mailed as
 * {@code <authUrl>/reset-password/<token>?callbackURL=<redirectTo>}. That link redirects to the
 * application's page with {@code ?token=}, whose form posts the new password to {@code /reset-password}.
 */
final class PasswordReset {
    static final String IDENTIFIER_PREFIX = "reset-password:";
    static final String ALWAYS_THE_SAME =
            "If this email exists in our system, check your email for the reset link";

    private final EmailPasswordPlugin plugin;

    PasswordReset(EmailPasswordPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint requestEndpoint() {
        return Endpoint.post("/request-password-reset")
                .name("requestPasswordReset")
                .body(Schemas.object()
                        .required("email", Schemas.email())
                        .optional("redirectTo", Schemas.string()))
                .summary("Send a password reset email to the user")
                .tags("Email and password")
                .response(ResponseSchemas.object(ResponseSchemas.ordered("status", ResponseSchemas.bool(),
                        "message", ResponseSchemas.string()), "status", "message"))
                .errors("RESET_PASSWORD_DISABLED", "INVALID_REDIRECT_URL")
                .handler(this::request)
                .build();
    }

    Endpoint callbackEndpoint() {
        return Endpoint.get("/reset-password/:token")
                .name("resetPasswordCallback")
                .query(Schemas.object().required("callbackURL", Schemas.string()))
                .summary("Redirects the user to the callback URL with the token")
                .tags("Email and password")
                .response(ResponseSchemas.REDIRECT)
                .errors("INVALID_CALLBACK_URL")
                .handler(this::callback)
                .build();
    }

    Endpoint resetEndpoint() {
        return Endpoint.post("/reset-password")
                .name("resetPassword")
                .query(Schemas.object().optional("token", Schemas.string()))
                .body(Schemas.object()
                        .required("newPassword", Schemas.string())
                        .optional("token", Schemas.string()))
                .summary("Reset the password for a user")
                .tags("Email and password")
                .response(ResponseSchemas.STATUS)
                .errors("INVALID_TOKEN", "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "USER_NOT_FOUND")
                .handler(this::reset)
                .build();
    }

    /** Always the same answer, whether or not the address has an account. */
    private Object request(EndpointContext ctx) {
        String redirectTo = ctx.bodyString("redirectTo").orElse(null);
        RedirectPolicy.requireRedirectUrl(ctx, redirectTo);
        if (!plugin.options().enabled()) {
            throw EmailPasswordErrorCodes.RESET_PASSWORD_DISABLED.toException(Status.BAD_REQUEST);
        }
        Postern postern = ctx.postern();
        Optional<Row> user = postern.users().findByEmail(ctx.bodyString("email").orElseThrow());
        String token = Ids.random(24, Ids.ALPHANUMERIC);
        if (user.isEmpty()) {
            // The same token generation and lookup as a real request, so the timing tells little.
            postern.verifications().find("dummy-verification-token");
            return answer();
        }
        postern.verifications().create(IDENTIFIER_PREFIX + token, user.get().id(),
                plugin.options().resetPasswordTokenExpiresIn());
        String callback = redirectTo == null || redirectTo.isEmpty() ? "" : UriComponent.encode(redirectTo);
        String url = postern.config().authUrl() + "/reset-password/" + token + "?callbackURL=" + callback;
        Row found = user.get();
        AuthMails.send(postern.config(), MailKind.RESET_PASSWORD, found.string("email"),
                AuthMails.variables(url, found.string("name"), found.string("email"), null));
        return answer();
    }

    /** The link in the e-mail: a 302 to the application's page, with the token or {@code error=INVALID_TOKEN}. */
    private Object callback(EndpointContext ctx) {
        String callbackUrl = ctx.queryString("callbackURL").orElseThrow();
        RedirectPolicy.requireCallbackUrl(ctx, callbackUrl);
        String token = ctx.param("token");
        String authUrl = ctx.postern().config().authUrl();
        if (token == null || token.isEmpty() || callbackUrl.isEmpty()
                || ctx.postern().verifications().find(IDENTIFIER_PREFIX + token).isEmpty()) {
            String target = callbackUrl.isEmpty() ? authUrl + "/error" : callbackUrl;
            throw ApiException.redirect(CallbackUrls.resolveWithParameter(authUrl, target, "error", "INVALID_TOKEN"));
        }
        throw ApiException.redirect(CallbackUrls.resolveWithParameter(authUrl, callbackUrl, "token", token));
    }

    /**
     * Sets the new password. Redeeming the token, revoking sessions (when configured) and writing the hash
     * are one transaction: if any fails, the token still works and nothing changed.
     */
    private Object reset(EndpointContext ctx) {
        String token = ctx.bodyString("token").filter(t -> !t.isEmpty())
                .or(() -> ctx.queryString("token").filter(t -> !t.isEmpty()))
                .orElseThrow(PasswordReset::invalidToken);
        String newPassword = ctx.bodyString("newPassword").orElseThrow();
        plugin.passwordRules().requireAcceptable(newPassword);
        Postern postern = ctx.postern();
        String identifier = IDENTIFIER_PREFIX + token;
        Row verification = postern.verifications().find(identifier).orElseThrow(PasswordReset::invalidToken);
        String userId = verification.string("value");
        if (postern.users().findById(userId).isEmpty()) {
            throw UserErrorCodes.USER_NOT_FOUND.toException(Status.BAD_REQUEST);
        }
        String hash = plugin.passwords().hash(newPassword);
        boolean revokeSessions = plugin.options().revokeSessionsOnPasswordReset();
        postern.store().transaction(tx -> {
            if (postern.verifications().in(tx).consume(identifier).isEmpty()) {
                throw invalidToken();
            }
            if (revokeSessions) {
                postern.users().in(tx).deleteSessions(userId);
            }
            postern.accounts().in(tx).setPassword(userId, hash);
            return null;
        });
        return Map.of("status", true);
    }

    private static Map<String, Object> answer() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        body.put("message", ALWAYS_THE_SAME);
        return body;
    }

    private static ApiException invalidToken() {
        return EmailPasswordErrorCodes.INVALID_TOKEN.toException(Status.BAD_REQUEST);
    }
}
