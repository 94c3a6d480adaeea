package dev.postern.plugin.user;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.mail.MailKind;
import dev.postern.plugin.emailpassword.AuthMails;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.emailpassword.EmailVerificationTokens;
import dev.postern.security.RedirectPolicy;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.StoreException;
import dev.postern.store.StoreUnavailableException;
import dev.postern.store.UniqueViolationException;
import dev.postern.user.UserErrorCodes;
import dev.postern.user.UserService;
import dev.postern.validation.Schemas;
import java.util.Map;

/**
 * {@code POST /change-email}: starts a change of the signed-in user's address. Depending on the options and
 * on whether the current address is verified, the address changes at once (unverified users, when allowed),
 * the current address is asked to approve first ({@link MailKind#CHANGE_EMAIL}), or the new address is asked
 * to prove itself ({@link MailKind#VERIFY_EMAIL}); the links lead to {@code /verify-email}.
 *
 * <p>An address that belongs to someone else answers the same {@code {status:true}} as a real request,
 * so this endpoint cannot be used to find accounts.
 */
final class ChangeEmail {
    private final UserPlugin plugin;

    ChangeEmail(UserPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint endpoint() {
        return Endpoint.post("/change-email")
                .name("changeEmail")
                .body(Schemas.object()
                        .required("newEmail", Schemas.email())
                        .optional("callbackURL", Schemas.string()))
                .summary("Change the email address of the user")
                .tags("User")
                .response(ResponseSchemas.STATUS)
                .errors("UNAUTHORIZED", "CHANGE_EMAIL_DISABLED", "INVALID_CALLBACK_URL")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        String callbackUrl = ctx.bodyString("callbackURL").orElse(null);
        RedirectPolicy.requireCallbackUrl(ctx, callbackUrl);
        Postern postern = ctx.postern();
        Session session = postern.sessions().requireSensitive(ctx);
        UserOptions.ChangeEmailOptions options = plugin.options().changeEmail();
        if (!options.enabled()) {
            throw UserPluginErrorCodes.CHANGE_EMAIL_DISABLED.toException(Status.BAD_REQUEST);
        }
        Row user = session.user();
        String currentEmail = user.string("email");
        String newEmail = UserService.normalizeEmail(ctx.bodyString("newEmail").orElseThrow());
        if (newEmail.equals(currentEmail)) {
            throw ApiException.message(Status.BAD_REQUEST, "Email is the same");
        }
        EmailVerificationTokens tokens = postern.plugin(EmailPasswordPlugin.class).orElseThrow()
                .verificationTokens(postern.config());
        if (postern.users().findByEmail(newEmail).isPresent()) {
            // The work of a real request, without its effect.
            tokens.forChange(currentEmail, newEmail, null, user.id());
            return Map.of("status", true);
        }
        boolean verified = Boolean.TRUE.equals(user.bool("emailVerified"));
        String name = user.string("name");
        if (!verified && options.updateEmailWithoutVerification()) {
            Row updated;
            try {
                updated = postern.users().update(user.id(), Map.of("email", newEmail)).orElse(user);
            } catch (UniqueViolationException taken) {
                return Map.of("status", true);
            } catch (StoreUnavailableException down) {
                throw down;
            } catch (StoreException refused) {
                // An address longer than the column holds (MySQL's varchar(255)).
                throw UserErrorCodes.FAILED_TO_UPDATE_USER.toException(Status.UNPROCESSABLE_ENTITY);
            }
            postern.sessions().setCookies(ctx, session.withUser(updated));
            String url = tokens.link(tokens.forAddress(newEmail, user.id()), callbackUrl);
            AuthMails.send(postern.config(), MailKind.VERIFY_EMAIL, newEmail,
                    AuthMails.variables(url, name, newEmail, null));
            return Map.of("status", true);
        }
        if (verified && options.confirmWithCurrentAddress()) {
            String token = tokens.forChange(currentEmail, newEmail, EmailVerificationTokens.CHANGE_EMAIL_CONFIRMATION,
                    user.id());
            AuthMails.send(postern.config(), MailKind.CHANGE_EMAIL, currentEmail,
                    AuthMails.variables(tokens.link(token, callbackUrl), name, currentEmail, newEmail));
            return Map.of("status", true);
        }
        String token = tokens.forChange(currentEmail, newEmail, EmailVerificationTokens.CHANGE_EMAIL_VERIFICATION,
                user.id());
        AuthMails.send(postern.config(), MailKind.VERIFY_EMAIL, newEmail,
                AuthMails.variables(tokens.link(token, callbackUrl), name, newEmail, null));
        return Map.of("status", true);
    }
}
