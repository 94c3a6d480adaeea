package dev.postern.plugin.emailotp;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.store.Row;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.EmailAddresses;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The routes that issue codes: {@code POST /email-otp/send-verification-otp},
 * {@code POST /email-otp/request-password-reset}, its deprecated twin {@code POST /forget-password/email-otp},
 * and the server-only {@code createVerificationOTP} and {@code getVerificationOTP}.
 *
 * <p>As in better-auth, a code is issued before the user is looked up and withdrawn when nobody would get
 * it, and the answer is {@code {success:true}} either way, so these routes do not tell who has an account.
 */
final class OtpRequests {
    private static final Map<String, Object> SUCCESS_SCHEMA =
            ResponseSchemas.object(Map.of("success", ResponseSchemas.bool()));

    private final EmailOtpOptions options;
    private final OtpCodes codes;

    OtpRequests(EmailOtpOptions options, OtpCodes codes) {
        this.options = options;
        this.codes = codes;
    }

    Endpoint sendEndpoint() {
        return Endpoint.post("/email-otp/send-verification-otp")
                .name("sendVerificationOTP")
                .body(Schemas.object()
                        .required("email", Schemas.string())
                        .required("type", Schemas.oneOf(OtpCodes.TYPES.toArray(String[]::new))))
                .acceptForms()
                .formCsrf()
                .summary("Send a verification OTP to an email")
                .tags("Email OTP")
                .response(SUCCESS_SCHEMA)
                .errors("INVALID_EMAIL")
                .handler(this::send)
                .build();
    }

    Endpoint requestPasswordResetEndpoint() {
        return passwordResetRequest("/email-otp/request-password-reset", "requestPasswordResetEmailOTP",
                "Request password reset with email and OTP");
    }

    Endpoint forgetPasswordEndpoint() {
        return passwordResetRequest("/forget-password/email-otp", "forgetPasswordEmailOTP",
                "Deprecated: Use /email-otp/request-password-reset instead.");
    }

    Endpoint createEndpoint() {
        return Endpoint.serverOnly("createVerificationOTP")
                .body(typedEmail())
                .summary("Create a verification OTP for an email")
                .handler(this::create)
                .build();
    }

    Endpoint getEndpoint() {
        return Endpoint.serverOnly("getVerificationOTP")
                .query(typedEmail())
                .summary("Get a verification OTP for an email")
                .handler(this::get)
                .build();
    }

    private Object send(EndpointContext ctx) {
        String email = lowerCaseEmail(ctx.bodyString("email").orElseThrow());
        String type = ctx.bodyString("type").orElseThrow();
        if (type.equals(OtpCodes.CHANGE_EMAIL)) {
            throw ApiException.message(Status.BAD_REQUEST, "Invalid OTP type");
        }
        Postern postern = ctx.postern();
        String otp = codes.resolve(postern, email, type);
        boolean mayCreateAccount = type.equals(OtpCodes.SIGN_IN) && !options.disableSignUp();
        Optional<Row> user = postern.users().findByEmail(email);
        if (user.isEmpty() && !mayCreateAccount) {
            postern.verifications().delete(OtpCodes.identifier(type, email));
            return success();
        }
        codes.send(postern, user.map(u -> u.string("email")).orElse(email), otp, type);
        return success();
    }

    private Endpoint passwordResetRequest(String path, String name, String summary) {
        return Endpoint.post(path)
                .name(name)
                .body(Schemas.object().required("email", Schemas.string()))
                .summary(summary)
                .tags("Email OTP")
                .response(SUCCESS_SCHEMA)
                .errors("INVALID_EMAIL")
                .handler(this::requestPasswordReset)
                .build();
    }

    private Object requestPasswordReset(EndpointContext ctx) {
        String email = lowerCaseEmail(ctx.bodyString("email").orElseThrow());
        Postern postern = ctx.postern();
        String otp = codes.resolve(postern, email, OtpCodes.FORGET_PASSWORD);
        Optional<Row> user = postern.users().findByEmail(email);
        if (user.isEmpty()) {
            postern.verifications().delete(OtpCodes.identifier(OtpCodes.FORGET_PASSWORD, email));
            return success();
        }
        codes.send(postern, user.get().string("email"), otp, OtpCodes.FORGET_PASSWORD);
        return success();
    }

    private Object create(EndpointContext ctx) {
        String email = ctx.bodyString("email").orElseThrow().toLowerCase(Locale.ROOT);
        String type = ctx.bodyString("type").orElseThrow();
        return codes.issue(ctx.postern(), OtpCodes.identifier(type, email), email, type);
    }

    private Object get(EndpointContext ctx) {
        String email = ctx.queryString("email").orElseThrow().toLowerCase(Locale.ROOT);
        String type = ctx.queryString("type").orElseThrow();
        Postern postern = ctx.postern();
        Optional<Row> pending = postern.verifications().find(OtpCodes.identifier(type, email));
        Map<String, Object> body = new HashMap<>();
        if (pending.isEmpty()) {
            body.put("otp", null);
            return body;
        }
        if (options.storeOTP().hashed()) {
            throw ApiException.message(Status.BAD_REQUEST, "OTP is hashed, cannot return the plain text OTP");
        }
        String stored = OtpCodes.split(pending.get().string("value"))[0];
        body.put("otp", options.storeOTP().reveal(stored, postern.config().secrets()).orElse(null));
        return body;
    }

    static ObjectSchema typedEmail() {
        return Schemas.object()
                .required("email", Schemas.string())
                .required("type", Schemas.oneOf(OtpCodes.TYPES.toArray(String[]::new)));
    }

    /** better-auth lower-cases first and then checks the address, answering 400 {@code INVALID_EMAIL}. */
    static String lowerCaseEmail(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        if (!EmailAddresses.isValid(lower)) {
            throw UserErrorCodes.INVALID_EMAIL.toException(Status.BAD_REQUEST);
        }
        return lower;
    }

    static Map<String, Object> success() {
        return Map.of("success", true);
    }
}
