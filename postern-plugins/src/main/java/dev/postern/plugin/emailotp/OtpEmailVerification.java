package dev.postern.plugin.emailotp;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /email-otp/check-verification-otp} (tells whether a code is right, leaving it usable) and
 * {@code POST /email-otp/verify-email} (spends an {@code email-verification} code and marks the address
 * verified). Only a caller holding a right code learns whether the account exists.
 */
final class OtpEmailVerification {
    private final OtpCodes codes;

    OtpEmailVerification(OtpCodes codes) {
        this.codes = codes;
    }

    Endpoint checkEndpoint() {
        return Endpoint.post("/email-otp/check-verification-otp")
                .name("checkVerificationOTP")
                .body(OtpRequests.typedEmail().required("otp", Schemas.string()))
                .summary("Verify an email with an OTP")
                .tags("Email OTP")
                .response(ResponseSchemas.object(Map.of("success", ResponseSchemas.bool())))
                .errors("INVALID_EMAIL", "OTP_EXPIRED", "INVALID_OTP", "TOO_MANY_ATTEMPTS", "USER_NOT_FOUND")
                .handler(this::check)
                .build();
    }

    Endpoint verifyEndpoint() {
        return Endpoint.post("/email-otp/verify-email")
                .name("verifyEmailOTP")
                .body(Schemas.object()
                        .required("email", Schemas.string())
                        .required("otp", Schemas.string()))
                .summary("Verify email with OTP")
                .tags("Email OTP")
                .response(ResponseSchemas.object(ResponseSchemas.ordered("status", ResponseSchemas.bool(),
                        "token", ResponseSchemas.nullable(ResponseSchemas.string()), "user", ResponseSchemas.USER),
                        "status", "token", "user"))
                .noStore()
                .errors("INVALID_EMAIL", "OTP_EXPIRED", "INVALID_OTP", "TOO_MANY_ATTEMPTS", "USER_NOT_FOUND")
                .handler(this::verify)
                .build();
    }

    private Object check(EndpointContext ctx) {
        String email = OtpRequests.lowerCaseEmail(ctx.bodyString("email").orElseThrow());
        Postern postern = ctx.postern();
        codes.verify(postern, OtpCodes.identifier(ctx.bodyString("type").orElseThrow(), email),
                ctx.bodyString("otp").orElseThrow(), true);
        if (postern.users().findByEmail(email).isEmpty()) {
            throw UserErrorCodes.USER_NOT_FOUND.toException(Status.BAD_REQUEST);
        }
        return OtpRequests.success();
    }

    private Object verify(EndpointContext ctx) {
        String email = OtpRequests.lowerCaseEmail(ctx.bodyString("email").orElseThrow());
        Postern postern = ctx.postern();
        codes.verify(postern, OtpCodes.identifier(OtpCodes.EMAIL_VERIFICATION, email),
                ctx.bodyString("otp").orElseThrow(), false);
        Row user = postern.users().findByEmail(email)
                .orElseThrow(() -> UserErrorCodes.USER_NOT_FOUND.toException(Status.BAD_REQUEST));
        Row updated = postern.users().update(user.id(), Map.of("email", email, "emailVerified", true))
                .orElseThrow(() -> UserErrorCodes.USER_NOT_FOUND.toException(Status.BAD_REQUEST));
        boolean autoSignIn = postern.plugin(EmailPasswordPlugin.class)
                .map(p -> p.options().emailVerification().autoSignInAfterVerification()).orElse(false);
        String token = null;
        if (autoSignIn) {
            token = postern.sessions().create(ctx, updated, true).token();
        } else {
            Optional<Session> current = postern.sessions().current(ctx);
            if (current.isPresent() && current.get().userId().equals(updated.id())) {
                // Refreshes the cookie cache so the signed-in browser sees the address as verified at once.
                postern.sessions().setCookies(ctx, current.get().withUser(updated));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        body.put("token", token);
        body.put("user", postern.users().output(updated));
        return body;
    }
}
