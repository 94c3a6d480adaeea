package dev.postern.plugin.emailpassword;

import dev.postern.Postern;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.mail.MailKind;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.StoreException;
import dev.postern.store.StoreUnavailableException;
import dev.postern.store.UniqueViolationException;
import dev.postern.user.UserErrorCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /verify-email} links of a change of address (tokens with {@code updateTo}), by better-auth's
 * steps: {@code change-email-confirmation} (the current address approved; now mail the new one),
 * {@code change-email-verification} (the new address proved; apply the change), or, for tokens without a
 * request type from older better-auth versions, apply the change at once and ask to verify the new address.
 * Each token is bound to its user by {@code userId}, and a signed-in caller must be that user.
 */
final class ChangeOfAddress {
    private final EmailPasswordPlugin plugin;
    private final EndpointContext ctx;
    private final String callbackUrl;

    ChangeOfAddress(EmailPasswordPlugin plugin, EndpointContext ctx, String callbackUrl) {
        this.plugin = plugin;
        this.ctx = ctx;
        this.callbackUrl = callbackUrl;
    }

    Object apply(EmailVerificationTokens.Verified token, String email) {
        Postern postern = ctx.postern();
        String userId = token.claim("userId")
                .orElseThrow(() -> EmailVerification.failure(callbackUrl, EmailPasswordErrorCodes.INVALID_TOKEN));
        Row user = postern.users().findById(userId)
                .orElseThrow(() -> EmailVerification.failure(callbackUrl, UserErrorCodes.USER_NOT_FOUND));
        if (!String.valueOf(user.string("email")).equalsIgnoreCase(email)) {
            throw EmailVerification.failure(callbackUrl, EmailPasswordErrorCodes.INVALID_TOKEN);
        }
        Optional<Session> session = postern.sessions().current(ctx);
        if (session.isPresent() && !session.get().userId().equals(user.id())) {
            throw EmailVerification.failure(callbackUrl, UserErrorCodes.INVALID_USER);
        }
        String newEmail = token.claim("updateTo").orElseThrow();
        String step = token.claim("requestType").orElse("");
        EmailVerificationTokens tokens = plugin.verificationTokens(postern.config());
        if (step.equals(EmailVerificationTokens.CHANGE_EMAIL_CONFIRMATION)) {
            String next = tokens.forChange(email, newEmail, EmailVerificationTokens.CHANGE_EMAIL_VERIFICATION, user.id());
            AuthMails.send(postern.config(), MailKind.VERIFY_EMAIL, newEmail,
                    AuthMails.variables(tokens.link(next, callbackUrl), user.string("name"), newEmail, null));
            if (callbackUrl != null && !callbackUrl.isEmpty()) {
                throw ApiException.redirect(callbackUrl);
            }
            return Map.of("status", true);
        }
        boolean keepVerified = step.equals(EmailVerificationTokens.CHANGE_EMAIL_VERIFICATION)
                && Boolean.TRUE.equals(user.bool("emailVerified"));
        Row updated = changeAddress(user, newEmail, keepVerified);
        if (!step.equals(EmailVerificationTokens.CHANGE_EMAIL_VERIFICATION)) {
            String verifyNew = tokens.link(tokens.forAddress(newEmail, user.id()), callbackUrl);
            AuthMails.send(postern.config(), MailKind.VERIFY_EMAIL, newEmail,
                    AuthMails.variables(verifyNew, updated.string("name"), newEmail, null));
        }
        session.ifPresent(s -> postern.sessions().setCookies(ctx, s.withUser(updated)));
        return EmailVerification.done(callbackUrl, postern.users().output(updated));
    }

    private Row changeAddress(Row user, String newEmail, boolean keepVerified) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("email", newEmail);
        changes.put("emailVerified", keepVerified);
        try {
            return ctx.postern().users().update(user.id(), changes)
                    .orElseThrow(() -> EmailVerification.failure(callbackUrl, UserErrorCodes.USER_NOT_FOUND));
        } catch (UniqueViolationException taken) {
            // Someone signed up with the new address after the change was requested.
            throw EmailVerification.failure(callbackUrl, UserErrorCodes.USER_ALREADY_EXISTS);
        } catch (StoreUnavailableException down) {
            throw down;
        } catch (StoreException refused) {
            // An address longer than the column holds (MySQL's varchar(255)).
            throw EmailVerification.failure(callbackUrl, UserErrorCodes.FAILED_TO_UPDATE_USER);
        }
    }
}
