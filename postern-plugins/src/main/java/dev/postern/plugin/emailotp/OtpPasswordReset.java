package dev.postern.plugin.emailotp;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.store.Row;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Schemas;
import java.util.Map;

/**
 * {@code POST /email-otp/reset-password}: a right {@code forget-password} code sets a new password. The
 * code is checked first without being spent, then spent in the same transaction as the session revocation
 * (when {@code revokeSessionsOnPasswordReset}) and the password write, so a failure changes nothing and the
 * code still works. Password length rules and hashing are the email-password plugin's.
 */
final class OtpPasswordReset {
    private final OtpCodes codes;

    OtpPasswordReset(OtpCodes codes) {
        this.codes = codes;
    }

    Endpoint endpoint() {
        return Endpoint.post("/email-otp/reset-password")
                .name("resetPasswordEmailOTP")
                .body(Schemas.object()
                        .required("email", Schemas.string())
                        .required("otp", Schemas.string())
                        .required("password", Schemas.string()))
                .summary("Reset password with email and OTP")
                .tags("Email OTP")
                .response(ResponseSchemas.object(Map.of("success", ResponseSchemas.bool())))
                .errors("INVALID_EMAIL", "PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "OTP_EXPIRED", "INVALID_OTP",
                        "TOO_MANY_ATTEMPTS", "USER_NOT_FOUND")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        String email = OtpRequests.lowerCaseEmail(ctx.bodyString("email").orElseThrow());
        String password = ctx.bodyString("password").orElseThrow();
        Postern postern = ctx.postern();
        EmailPasswordPlugin passwords = postern.plugin(EmailPasswordPlugin.class).orElseGet(EmailPasswordPlugin::new);
        passwords.passwordRules().requireAcceptable(password);
        String identifier = OtpCodes.identifier(OtpCodes.FORGET_PASSWORD, email);
        String otp = ctx.bodyString("otp").orElseThrow();
        codes.verify(postern, identifier, otp, true);
        Row user = postern.users().findByEmail(email)
                .orElseThrow(() -> UserErrorCodes.USER_NOT_FOUND.toException(Status.BAD_REQUEST));
        String hash = passwords.passwords().hash(password);
        boolean revokeSessions = passwords.options().revokeSessionsOnPasswordReset();
        postern.store().transaction(tx -> {
            codes.verify(postern, postern.verifications().in(tx), identifier, otp, false);
            if (revokeSessions) {
                postern.users().in(tx).deleteSessions(user.id());
            }
            postern.accounts().in(tx).setPassword(user.id(), hash);
            return null;
        });
        if (!Boolean.TRUE.equals(user.bool("emailVerified"))) {
            postern.users().update(user.id(), Map.of("emailVerified", true));
        }
        return OtpRequests.success();
    }
}
