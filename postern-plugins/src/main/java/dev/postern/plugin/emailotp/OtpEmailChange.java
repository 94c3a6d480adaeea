package dev.postern.plugin.emailotp;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Schemas;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /email-otp/request-email-change} and {@code POST /email-otp/change-email}: a signed-in user
 * (with a fresh enough session) has a {@code change-email} code mailed to the new address and changes to
 * it with that code. Off unless {@code changeEmail.enabled}. A new address that already has an account gets
 * no code, yet the answer is the same, so the request does not reveal it.
 */
final class OtpEmailChange {
    private final EmailOtpOptions options;
    private final OtpCodes codes;

    OtpEmailChange(EmailOtpOptions options, OtpCodes codes) {
        this.options = options;
        this.codes = codes;
    }

    Endpoint requestEndpoint() {
        return Endpoint.post("/email-otp/request-email-change")
                .name("requestEmailChangeEmailOTP")
                .body(Schemas.object()
                        .required("newEmail", Schemas.string())
                        .optional("otp", Schemas.string()))
                .summary("Request email change with verification OTP sent to the new email")
                .tags("Email OTP")
                .response(ResponseSchemas.object(Map.of("success", ResponseSchemas.bool())))
                .errors("INVALID_EMAIL", "OTP_EXPIRED", "INVALID_OTP", "TOO_MANY_ATTEMPTS")
                .handler(this::request)
                .build();
    }

    Endpoint changeEndpoint() {
        return Endpoint.post("/email-otp/change-email")
                .name("changeEmailEmailOTP")
                .body(Schemas.object()
                        .required("newEmail", Schemas.string())
                        .required("otp", Schemas.string()))
                .summary("Verify new email with OTP and change the email if verification is successful")
                .tags("Email OTP")
                .response(ResponseSchemas.object(Map.of("success", ResponseSchemas.bool())))
                .errors("INVALID_EMAIL", "OTP_EXPIRED", "INVALID_OTP", "TOO_MANY_ATTEMPTS", "USER_NOT_FOUND")
                .handler(this::change)
                .build();
    }

    private Object request(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().requireSensitive(ctx);
        requireEnabled();
        String email = session.user().string("email").toLowerCase(Locale.ROOT);
        String newEmail = differentAddress(ctx, email);
        if (options.changeEmail().verifyCurrentEmail()) {
            String otp = ctx.bodyString("otp").filter(s -> !s.isEmpty()).orElseThrow(
                    () -> ApiException.message(Status.BAD_REQUEST, "OTP is required to verify current email"));
            codes.verify(postern, OtpCodes.identifier(OtpCodes.EMAIL_VERIFICATION, email), otp, false);
        }
        String identifier = changeIdentifier(session, newEmail);
        String otp = codes.issue(postern, identifier, newEmail, OtpCodes.CHANGE_EMAIL);
        if (postern.users().findByEmail(newEmail).isPresent()) {
            postern.verifications().delete(identifier);
            return OtpRequests.success();
        }
        codes.send(postern, newEmail, otp, OtpCodes.CHANGE_EMAIL);
        return OtpRequests.success();
    }

    private Object change(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().requireSensitive(ctx);
        requireEnabled();
        String email = session.user().string("email").toLowerCase(Locale.ROOT);
        String newEmail = differentAddress(ctx, email);
        codes.verify(postern, changeIdentifier(session, newEmail), ctx.bodyString("otp").orElseThrow(), false);
        Row current = postern.users().findByEmail(email)
                .orElseThrow(() -> UserErrorCodes.USER_NOT_FOUND.toException(Status.BAD_REQUEST));
        if (postern.users().findByEmail(newEmail).isPresent()) {
            throw ApiException.message(Status.BAD_REQUEST, "Email already in use");
        }
        Row updated = postern.users().update(current.id(), Map.of("email", newEmail, "emailVerified", true))
                .orElseThrow(() -> UserErrorCodes.USER_NOT_FOUND.toException(Status.BAD_REQUEST));
        postern.sessions().setCookies(ctx, session.withUser(updated));
        return OtpRequests.success();
    }

    private void requireEnabled() {
        if (!options.changeEmail().enabled()) {
            throw ApiException.message(Status.BAD_REQUEST, "Change email with OTP is disabled");
        }
    }

    private static String differentAddress(EndpointContext ctx, String email) {
        String newEmail = OtpRequests.lowerCaseEmail(ctx.bodyString("newEmail").orElseThrow());
        if (newEmail.equals(email)) {
            throw ApiException.message(Status.BAD_REQUEST, "Email is the same");
        }
        return newEmail;
    }

    /** better-auth binds the code to the user as well as the address: {@code change-email-otp-<userId>:<newEmail>}. */
    private static String changeIdentifier(Session session, String newEmail) {
        return OtpCodes.identifier(OtpCodes.CHANGE_EMAIL, session.userId() + ":" + newEmail);
    }
}
