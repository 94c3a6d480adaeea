package dev.postern.plugin.phonenumber;

import dev.postern.Postern;
import dev.postern.crypto.Passwords;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /sign-in/phone-number {phoneNumber, password, rememberMe?}} → {@code {token, user}}. Every
 * mismatch is 401 {@code INVALID_PHONE_NUMBER_OR_PASSWORD}, and an unknown number costs a hash like a
 * known one. With {@code requireVerification}, an unverified number gets a fresh code by SMS and 401
 * {@code PHONE_NUMBER_NOT_VERIFIED}.
 */
final class PhoneSignIn {
    private final PhoneNumberPlugin plugin;

    PhoneSignIn(PhoneNumberPlugin plugin) {
        this.plugin = plugin;
    }

    Endpoint endpoint() {
        return Endpoint.post("/sign-in/phone-number")
                .name("signInPhoneNumber")
                .body(Schemas.object()
                        .required("phoneNumber", Schemas.string())
                        .required("password", Schemas.string())
                        .optional("rememberMe", Schemas.bool()))
                .summary("Sign in with phone number")
                .tags("Phone number")
                .response(ResponseSchemas.TOKEN_AND_USER)
                .noStore()
                .errors("INVALID_PHONE_NUMBER", "PASSWORD_TOO_LONG", "INVALID_PHONE_NUMBER_OR_PASSWORD",
                        "PHONE_NUMBER_NOT_VERIFIED", "UNEXPECTED_ERROR")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        PhoneNumberOptions options = plugin.options();
        String phoneNumber = ctx.bodyString("phoneNumber").orElseThrow();
        String password = ctx.bodyString("password").orElseThrow();
        if (!options.acceptsNumber(phoneNumber)) {
            throw PhoneNumberErrorCodes.INVALID_PHONE_NUMBER.toException(Status.BAD_REQUEST);
        }
        EmailPasswordPlugin settings = plugin.passwordSettings();
        settings.passwordRules().requireNotTooLong(password);
        Passwords passwords = settings.passwords();
        Postern postern = ctx.postern();
        Optional<Row> found = plugin.userByPhoneNumber(postern, phoneNumber);
        if (found.isEmpty()) {
            passwords.verifyDummy(password);
            throw invalid();
        }
        Row user = found.get();
        if (options.requireVerification() && !Boolean.TRUE.equals(user.bool(PhoneNumberPlugin.PHONE_NUMBER_VERIFIED))) {
            PhoneOtps otps = plugin.otps(postern);
            String code = otps.newCode();
            otps.store(postern.verifications(), PhoneOtps.verificationIdentifier(phoneNumber), code);
            if (options.sms() != null) {
                plugin.deliver(phoneNumber, options.otpMessage(), code);
            }
            throw PhoneNumberErrorCodes.PHONE_NUMBER_NOT_VERIFIED.toException(Status.UNAUTHORIZED);
        }
        Optional<Row> credential = postern.accounts().credentialOf(user.id());
        if (credential.isEmpty()) {
            passwords.verifyDummy(password);
            throw invalid();
        }
        String hash = credential.get().string("password");
        if (hash == null) {
            passwords.verifyDummy(password);
            throw PhoneNumberErrorCodes.UNEXPECTED_ERROR.toException(Status.UNAUTHORIZED);
        }
        if (!passwords.verify(hash, password)) {
            throw invalid();
        }
        boolean rememberMe = ctx.bodyBoolean("rememberMe", true);
        Session session = postern.sessions().create(ctx, user, rememberMe);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", session.token());
        body.put("user", postern.users().output(user));
        return body;
    }

    private static ApiException invalid() {
        return PhoneNumberErrorCodes.INVALID_PHONE_NUMBER_OR_PASSWORD.toException(Status.UNAUTHORIZED);
    }
}
