package dev.postern.plugin.emailpassword;

import dev.postern.Postern;
import dev.postern.crypto.Passwords;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.store.Row;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The steps every password sign-in shares once the password has matched, whatever identified the user
 * ({@code /sign-in/email}, the username plugin's {@code /sign-in/username}): the e-mail verification
 * requirement, upgrading an outdated hash, the session and the {@code {redirect, token, url?, user}} answer.
 */
public final class PasswordSignIn {
    /** The response schema of a password sign-in. */
    public static final Map<String, Object> RESPONSE = ResponseSchemas.object(ResponseSchemas.ordered(
            "redirect", ResponseSchemas.bool(), "token", ResponseSchemas.string(), "url", ResponseSchemas.string("uri"),
            "user", ResponseSchemas.USER), "redirect", "token", "user");

    private PasswordSignIn() {
    }

    /**
     * 403 {@code EMAIL_NOT_VERIFIED} when {@code requireEmailVerification} is on and the address is not
     * verified, after mailing a verification link when {@code sendOnSignIn} says so.
     */
    public static void requireVerifiedEmail(EndpointContext ctx, EmailPasswordPlugin plugin, Row user, String callbackUrl) {
        EmailPasswordOptions options = plugin.options();
        if (!options.requireEmailVerification() || Boolean.TRUE.equals(user.bool("emailVerified"))) {
            return;
        }
        if (options.emailVerification().sendOnSignIn()) {
            // The plugin's own sender: a link, or a code when email-otp overrides verification.
            plugin.mailVerification(ctx.postern(), user, callbackUrl);
        }
        throw EmailPasswordErrorCodes.EMAIL_NOT_VERIFIED.toException(Status.FORBIDDEN);
    }

    /** Upgrades {@code hash} if outdated, starts the session with its cookies and answers the sign-in. */
    public static Map<String, Object> complete(EndpointContext ctx, Passwords passwords, Row user, String password,
                                               String hash, String callbackUrl) {
        Postern postern = ctx.postern();
        if (passwords.needsRehash(hash)) {
            // The configured scheme changed (scrypt to Argon2id, or new cost): upgrade while the password is known.
            postern.accounts().setPassword(user.id(), passwords.hash(password));
        }
        Session session = postern.sessions().create(ctx, user, ctx.bodyBoolean("rememberMe", true));
        boolean redirect = callbackUrl != null && !callbackUrl.isEmpty();
        if (redirect) {
            ctx.setHeader("Location", callbackUrl);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("redirect", redirect);
        body.put("token", session.token());
        if (callbackUrl != null) {
            body.put("url", callbackUrl);
        }
        body.put("user", postern.users().output(user));
        return body;
    }
}
