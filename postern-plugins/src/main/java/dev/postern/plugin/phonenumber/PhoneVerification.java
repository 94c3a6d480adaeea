package dev.postern.plugin.phonenumber;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.UniqueViolationException;
import dev.postern.user.InputFields;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /phone-number/send-otp} and {@code POST /phone-number/verify}: a code by SMS, then the code
 * back. Verifying marks the number's user verified and signs them in (unless {@code disableSession}),
 * creates that user first when {@code signUpOnVerification} is set, or, with {@code updatePhoneNumber},
 * moves the signed-in user to the verified number.
 */
final class PhoneVerification {
    /** Body keys of {@code /phone-number/verify} that are not user fields. */
    private static final List<String> OWN_KEYS = List.of("phoneNumber", "code", "disableSession", "updatePhoneNumber");

    private final PhoneNumberPlugin plugin;

    PhoneVerification(PhoneNumberPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint sendEndpoint() {
        return Endpoint.post("/phone-number/send-otp")
                .name("sendPhoneNumberOTP")
                .body(Schemas.object().required("phoneNumber", Schemas.string()))
                .summary("Send OTP to phone number")
                .tags("Phone number")
                .response(ResponseSchemas.object(Map.of("message", ResponseSchemas.string()), "message"))
                .errors("SEND_OTP_NOT_IMPLEMENTED", "INVALID_PHONE_NUMBER", "SMS_DELIVERY_FAILED")
                .handler(this::send)
                .build();
    }

    Endpoint verifyEndpoint() {
        return Endpoint.post("/phone-number/verify")
                .name("verifyPhoneNumber")
                .body(Schemas.object()
                        .required("phoneNumber", Schemas.string())
                        .required("code", Schemas.string())
                        .optional("disableSession", Schemas.bool())
                        .optional("updatePhoneNumber", Schemas.bool())
                        .passthrough())
                .summary("Verify phone number")
                .tags("Phone number")
                .response(ResponseSchemas.object(ResponseSchemas.ordered("status", ResponseSchemas.bool(),
                        "token", ResponseSchemas.nullable(ResponseSchemas.string()),
                        "user", ResponseSchemas.USER), "status"))
                .noStore()
                .errors("OTP_NOT_FOUND", "OTP_EXPIRED", "INVALID_OTP", "TOO_MANY_ATTEMPTS", "USER_NOT_FOUND",
                        "PHONE_NUMBER_EXIST", "FAILED_TO_UPDATE_USER", "FAILED_TO_CREATE_USER")
                .handler(this::verify)
                .build();
    }

    /**
     * better-auth's server-only {@code consumePhoneNumberOTP}: checks and spends a code without touching
     * any user or session, for applications that use the number as a second factor of their own.
     */
    Endpoint consumeEndpoint() {
        return Endpoint.serverOnly("consumePhoneNumberOTP")
                .body(Schemas.object()
                        .required("phoneNumber", Schemas.string())
                        .required("code", Schemas.string()))
                .summary("Verify and consume a phone number OTP")
                .errors("OTP_NOT_FOUND", "OTP_EXPIRED", "INVALID_OTP", "TOO_MANY_ATTEMPTS")
                .handler(ctx -> {
                    Postern postern = ctx.postern();
                    String phoneNumber = ctx.bodyString("phoneNumber").orElseThrow();
                    plugin.otps(postern).check(postern.verifications(), PhoneOtps.verificationIdentifier(phoneNumber),
                            ctx.bodyString("code").orElseThrow(), PhoneOtps.OnSuccess.CONSUME);
                    return Map.of("status", true);
                })
                .build();
    }

    private Object send(EndpointContext ctx) {
        PhoneNumberOptions options = plugin.options();
        if (options.sms() == null) {
            throw PhoneNumberErrorCodes.SEND_OTP_NOT_IMPLEMENTED.toException(Status.NOT_IMPLEMENTED);
        }
        String phoneNumber = ctx.bodyString("phoneNumber").orElseThrow();
        if (!options.acceptsNumber(phoneNumber)) {
            throw PhoneNumberErrorCodes.INVALID_PHONE_NUMBER.toException(Status.BAD_REQUEST);
        }
        Postern postern = ctx.postern();
        PhoneOtps otps = plugin.otps(postern);
        String code = otps.newCode();
        otps.store(postern.verifications(), PhoneOtps.verificationIdentifier(phoneNumber), code);
        plugin.deliver(phoneNumber, options.otpMessage(), code);
        return Map.of("message", "code sent");
    }

    private Object verify(EndpointContext ctx) {
        Postern postern = ctx.postern();
        String phoneNumber = ctx.bodyString("phoneNumber").orElseThrow();
        plugin.otps(postern).check(postern.verifications(), PhoneOtps.verificationIdentifier(phoneNumber),
                ctx.bodyString("code").orElseThrow(), PhoneOtps.OnSuccess.CONSUME);
        if (ctx.bodyBoolean("updatePhoneNumber", false)) {
            return moveSignedInUser(ctx, phoneNumber);
        }
        Optional<Row> found = plugin.userByPhoneNumber(postern, phoneNumber);
        Row user;
        if (found.isPresent()) {
            user = postern.users().update(found.get().id(), Map.of(PhoneNumberPlugin.PHONE_NUMBER_VERIFIED, true))
                    .orElseThrow(() -> UserErrorCodes.FAILED_TO_UPDATE_USER.toException(Status.INTERNAL_SERVER_ERROR));
        } else if (plugin.options().signUpOnVerification() != null) {
            user = signUp(ctx, phoneNumber);
        } else {
            // better-auth answers exactly this when a verified number belongs to nobody and sign-up is off.
            throw UserErrorCodes.FAILED_TO_UPDATE_USER.toException(Status.INTERNAL_SERVER_ERROR);
        }
        String token = null;
        if (!ctx.bodyBoolean("disableSession", false)) {
            token = postern.sessions().create(ctx, user, true).token();
        }
        return answer(token, postern.users().output(user));
    }

    /** {@code updatePhoneNumber}: the signed-in user takes the number, verified; their session stays. */
    private Object moveSignedInUser(EndpointContext ctx, String phoneNumber) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().current(ctx)
                .orElseThrow(() -> UserErrorCodes.USER_NOT_FOUND.toException(Status.UNAUTHORIZED));
        if (plugin.userByPhoneNumber(postern, phoneNumber).isPresent()) {
            throw PhoneNumberErrorCodes.PHONE_NUMBER_EXIST.toException(Status.BAD_REQUEST);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(PhoneNumberPlugin.PHONE_NUMBER, phoneNumber);
        changes.put(PhoneNumberPlugin.PHONE_NUMBER_VERIFIED, true);
        Row user;
        try {
            user = postern.users().update(session.userId(), changes)
                    .orElseThrow(() -> UserErrorCodes.FAILED_TO_UPDATE_USER.toException(Status.INTERNAL_SERVER_ERROR));
        } catch (UniqueViolationException raced) {
            throw PhoneNumberErrorCodes.PHONE_NUMBER_EXIST.toException(Status.BAD_REQUEST);
        }
        return answer(session.token(), postern.users().output(user));
    }

    private Row signUp(EndpointContext ctx, String phoneNumber) {
        Postern postern = ctx.postern();
        PhoneNumberOptions.SignUpOnVerification signUp = plugin.options().signUpOnVerification();
        ObjectNode rest = ctx.body().deepCopy();
        OWN_KEYS.forEach(rest::remove);
        Map<String, Object> data = new LinkedHashMap<>(postern.users().inputFields()
                .parse(rest, InputFields.Action.CREATE, false));
        data.put("email", signUp.getTempEmail().apply(phoneNumber));
        data.put("name", signUp.nameFor(phoneNumber));
        data.put(PhoneNumberPlugin.PHONE_NUMBER, phoneNumber);
        data.put(PhoneNumberPlugin.PHONE_NUMBER_VERIFIED, true);
        try {
            return postern.users().create(data);
        } catch (UniqueViolationException taken) {
            throw UserErrorCodes.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL.toException(Status.UNPROCESSABLE_ENTITY);
        }
    }

    private static Map<String, Object> answer(String token, Map<String, Object> user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        body.put("token", token);
        body.put("user", user);
        return body;
    }
}
