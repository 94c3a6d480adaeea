package dev.postern.plugin.phonenumber;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password reset by SMS: {@code POST /phone-number/request-password-reset {phoneNumber}} stores a code
 * and texts it to a registered number, answering {@code {status:true}} whether or not the number has an
 * account; {@code POST /phone-number/reset-password {otp, phoneNumber, newPassword}} sets the password.
 */
final class PhonePasswordReset {
    private static final Logger LOG = LoggerFactory.getLogger(PhonePasswordReset.class);

    private final PhoneNumberPlugin plugin;

    PhonePasswordReset(PhoneNumberPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint requestEndpoint() {
        return Endpoint.post("/phone-number/request-password-reset")
                .name("requestPasswordResetPhoneNumber")
                .body(Schemas.object().required("phoneNumber", Schemas.string()))
                .summary("Request OTP for password reset via phone number")
                .tags("Phone number")
                .response(ResponseSchemas.STATUS)
                .handler(this::request)
                .build();
    }

    Endpoint resetEndpoint() {
        return Endpoint.post("/phone-number/reset-password")
                .name("resetPasswordPhoneNumber")
                .body(Schemas.object()
                        .required("otp", Schemas.string())
                        .required("phoneNumber", Schemas.string())
                        .required("newPassword", Schemas.string()))
                .summary("Reset password using phone number OTP")
                .tags("Phone number")
                .response(ResponseSchemas.STATUS)
                .errors("PASSWORD_TOO_SHORT", "PASSWORD_TOO_LONG", "OTP_NOT_FOUND", "OTP_EXPIRED", "INVALID_OTP",
                        "TOO_MANY_ATTEMPTS", "UNEXPECTED_ERROR", "PHONE_NUMBER_PENDING_VERIFICATION")
                .handler(this::reset)
                .build();
    }

    /**
     * A code is stored for any number, as better-auth does, so the work is the same either way. A failed
     * delivery is logged, not answered: the answer would otherwise tell which numbers have accounts.
     */
    private Object request(EndpointContext ctx) {
        Postern postern = ctx.postern();
        String phoneNumber = ctx.bodyString("phoneNumber").orElseThrow();
        Optional<Row> user = plugin.userByPhoneNumber(postern, phoneNumber);
        PhoneOtps otps = plugin.otps(postern);
        String code = otps.newCode();
        otps.store(postern.verifications(), PhoneOtps.resetIdentifier(phoneNumber), code);
        PhoneNumberOptions options = plugin.options();
        boolean eligible = user.isPresent() && (!options.requireVerification()
                || Boolean.TRUE.equals(user.get().bool(PhoneNumberPlugin.PHONE_NUMBER_VERIFIED)));
        if (eligible && options.sms() != null) {
            try {
                plugin.deliver(phoneNumber, options.passwordResetMessage(), code);
            } catch (ApiException undelivered) {
                LOG.warn("Password reset code not delivered: {}", undelivered.code());
            }
        }
        return Map.of("status", true);
    }

    /**
     * Checks the code (leaving it in place), then spends it, revokes sessions when the email-password
     * plugin says so and stores the new hash in one transaction: a failure anywhere changes nothing and
     * the code still works.
     */
    private Object reset(EndpointContext ctx) {
        Postern postern = ctx.postern();
        String phoneNumber = ctx.bodyString("phoneNumber").orElseThrow();
        String otp = ctx.bodyString("otp").orElseThrow();
        String newPassword = ctx.bodyString("newPassword").orElseThrow();
        EmailPasswordPlugin settings = plugin.passwordSettings();
        settings.passwordRules().requireAcceptable(newPassword);
        PhoneOtps otps = plugin.otps(postern);
        String identifier = PhoneOtps.resetIdentifier(phoneNumber);
        otps.check(postern.verifications(), identifier, otp, PhoneOtps.OnSuccess.RESTORE);
        Row user = plugin.userByPhoneNumber(postern, phoneNumber)
                .orElseThrow(() -> PhoneNumberErrorCodes.UNEXPECTED_ERROR.toException(Status.BAD_REQUEST));
        if (plugin.options().requireVerification()
                && !Boolean.TRUE.equals(user.bool(PhoneNumberPlugin.PHONE_NUMBER_VERIFIED))) {
            throw PhoneNumberErrorCodes.PHONE_NUMBER_PENDING_VERIFICATION.toException(Status.BAD_REQUEST);
        }
        String hash = settings.passwords().hash(newPassword);
        boolean revokeSessions = settings.options().revokeSessionsOnPasswordReset();
        postern.store().transaction(tx -> {
            otps.check(postern.verifications().in(tx), identifier, otp, PhoneOtps.OnSuccess.CONSUME);
            if (revokeSessions) {
                postern.users().in(tx).deleteSessions(user.id());
            }
            postern.accounts().in(tx).setPassword(user.id(), hash);
            return null;
        });
        return Map.of("status", true);
    }
}
