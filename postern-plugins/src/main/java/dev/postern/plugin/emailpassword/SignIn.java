package dev.postern.plugin.emailpassword;

import dev.postern.Postern;
import dev.postern.crypto.Passwords;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.security.RedirectPolicy;
import dev.postern.store.Row;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Issues;
import dev.postern.validation.Path;
import dev.postern.validation.Schemas;
import java.util.Optional;
import tools.jackson.databind.node.StringNode;

/**
 * {@code POST /sign-in/email}: checks the password against the user's credential account and starts a
 * session. Every failure to match (unknown address, no password account, wrong password) is the same
 * 401 {@code INVALID_EMAIL_OR_PASSWORD}, and a password is hashed on each of those paths, so neither the
 * answer nor its timing tells whether an account exists.
 */
final class SignIn {
    private final EmailPasswordPlugin plugin;

    SignIn(EmailPasswordPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint endpoint() {
        return Endpoint.post("/sign-in/email")
                .name("signInEmail")
                .body(Schemas.object()
                        .required("email", Schemas.string())
                        .required("password", Schemas.string())
                        .optional("callbackURL", Schemas.string())
                        .optional("rememberMe", Schemas.bool()))
                .acceptForms()
                .formCsrf()
                .summary("Sign in with email and password")
                .tags("Email and password")
                .response(PasswordSignIn.RESPONSE)
                .noStore()
                .errors("EMAIL_PASSWORD_DISABLED", "INVALID_EMAIL", "PASSWORD_TOO_LONG", "INVALID_EMAIL_OR_PASSWORD",
                        "EMAIL_NOT_VERIFIED", "INVALID_CALLBACK_URL")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        String callbackUrl = ctx.bodyString("callbackURL").orElse(null);
        RedirectPolicy.requireCallbackUrl(ctx, callbackUrl);
        EmailPasswordOptions options = plugin.options();
        if (!options.enabled()) {
            throw EmailPasswordErrorCodes.EMAIL_PASSWORD_DISABLED.toException(Status.BAD_REQUEST);
        }
        String email = ctx.bodyString("email").orElseThrow();
        String password = ctx.bodyString("password").orElseThrow();
        if (!isEmailAddress(email)) {
            throw UserErrorCodes.INVALID_EMAIL.toException(Status.BAD_REQUEST);
        }
        plugin.passwordRules().requireNotTooLong(password);

        Postern postern = ctx.postern();
        Passwords passwords = plugin.passwords();
        Optional<Row> user = postern.users().findByEmail(email);
        Optional<Row> credential = user.flatMap(u -> postern.accounts().credentialOf(u.id()));
        String hash = credential.map(a -> a.string("password")).orElse(null);
        if (hash == null) {
            passwords.verifyDummy(password);
            throw invalid();
        }
        if (!passwords.verify(hash, password)) {
            throw invalid();
        }
        Row signedIn = user.get();
        PasswordSignIn.requireVerifiedEmail(ctx, plugin, signedIn, callbackUrl);
        return PasswordSignIn.complete(ctx, passwords, signedIn, password, hash, callbackUrl);
    }

    /** zod's {@code z.email()}, which better-auth re-applies to the plain-string field here. */
    static boolean isEmailAddress(String email) {
        Issues issues = new Issues();
        Schemas.email().check(StringNode.valueOf(email), Path.root("body"), issues);
        return issues.isEmpty();
    }

    private static ApiException invalid() {
        return EmailPasswordErrorCodes.INVALID_EMAIL_OR_PASSWORD.toException(Status.UNAUTHORIZED);
    }
}
