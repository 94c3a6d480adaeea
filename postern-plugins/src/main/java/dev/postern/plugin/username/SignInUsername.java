package dev.postern.plugin.username;

import dev.postern.Postern;
import dev.postern.crypto.Passwords;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.plugin.emailpassword.PasswordSignIn;
import dev.postern.security.RedirectPolicy;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.util.Optional;

/**
 * {@code POST /sign-in/username}: {@code /sign-in/email} with a username. An unknown username, a user
 * without a password and a wrong password are the same 401 {@code INVALID_USERNAME_OR_PASSWORD}, and a
 * password is hashed or verified on every one of those paths, so neither the answer nor its timing tells
 * whether the username exists. A username that breaks the rules is 422 before any lookup, as in
 * better-auth (that answer depends on the input only).
 */
final class SignInUsername {
    private final UsernamePlugin plugin;

    SignInUsername(UsernamePlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint endpoint() {
        return Endpoint.post("/sign-in/username")
                .name("signInUsername")
                .body(Schemas.object()
                        .required("username", Schemas.string())
                        .required("password", Schemas.string())
                        .optional("rememberMe", Schemas.bool())
                        .optional("callbackURL", Schemas.string()))
                .acceptForms()
                .formCsrf()
                .summary("Sign in with username")
                .tags("Username")
                .response(PasswordSignIn.RESPONSE)
                .noStore()
                .errors("INVALID_USERNAME_OR_PASSWORD", "USERNAME_TOO_SHORT", "USERNAME_TOO_LONG", "INVALID_USERNAME",
                        "PASSWORD_TOO_LONG", "EMAIL_NOT_VERIFIED", "INVALID_CALLBACK_URL")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        String callbackUrl = ctx.bodyString("callbackURL").orElse(null);
        RedirectPolicy.requireCallbackUrl(ctx, callbackUrl);
        String username = ctx.bodyString("username").orElse("");
        String password = ctx.bodyString("password").orElse("");
        if (username.isEmpty() || password.isEmpty()) {
            throw invalid();
        }
        UsernameRules rules = plugin.rules();
        rules.violation(username).ifPresent(code -> {
            throw code.toException(Status.UNPROCESSABLE_ENTITY);
        });
        plugin.passwordRules().requireNotTooLong(password);

        Postern postern = ctx.postern();
        Passwords passwords = plugin.passwords();
        Optional<Row> user = rules.findUser(postern.store(), username);
        String hash = user.flatMap(u -> postern.accounts().credentialOf(u.id())).map(a -> a.string("password")).orElse(null);
        if (hash == null) {
            passwords.verifyDummy(password);
            throw invalid();
        }
        if (!passwords.verify(hash, password)) {
            throw invalid();
        }
        Row signedIn = user.get();
        plugin.emailPassword().ifPresent(emailPassword ->
                PasswordSignIn.requireVerifiedEmail(ctx, emailPassword, signedIn, callbackUrl));
        return PasswordSignIn.complete(ctx, passwords, signedIn, password, hash, callbackUrl);
    }

    private static ApiException invalid() {
        return UsernameErrorCodes.INVALID_USERNAME_OR_PASSWORD.toException(Status.UNAUTHORIZED);
    }
}
