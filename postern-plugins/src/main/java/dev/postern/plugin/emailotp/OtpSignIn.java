package dev.postern.plugin.emailotp;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.user.InputFields;
import dev.postern.user.UnprovenAccountAccess;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /sign-in/email-otp}: a right {@code sign-in} code signs its address in, creating the account
 * (verified, with the body's {@code name}, {@code image} and additional fields) unless sign-up is disabled;
 * then an unknown address answers {@code INVALID_OTP} like a wrong code. An existing account that was never
 * verified loses its unproven password, links and sessions first (better-auth's
 * {@code revokeUnprovenAccountAccess}).
 */
final class OtpSignIn {
    private final EmailOtpOptions options;
    private final OtpCodes codes;

    OtpSignIn(EmailOtpOptions options, OtpCodes codes) {
        this.options = options;
        this.codes = codes;
    }

    Endpoint endpoint() {
        return Endpoint.post("/sign-in/email-otp")
                .name("signInEmailOTP")
                .body(Schemas.object()
                        .required("email", Schemas.string())
                        .required("otp", Schemas.string())
                        .optional("name", Schemas.string())
                        .optional("image", Schemas.string())
                        .passthrough())
                .summary("Sign in with email and OTP")
                .tags("Email OTP")
                .response(ResponseSchemas.TOKEN_AND_USER)
                .noStore()
                .errors("OTP_EXPIRED", "INVALID_OTP", "TOO_MANY_ATTEMPTS")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        String email = ctx.bodyString("email").orElseThrow().toLowerCase(Locale.ROOT);
        Postern postern = ctx.postern();
        codes.verify(postern, OtpCodes.identifier(OtpCodes.SIGN_IN, email), ctx.bodyString("otp").orElseThrow(), false);
        Optional<Row> found = postern.users().findByEmail(email);
        Row user;
        if (found.isEmpty()) {
            if (options.disableSignUp()) {
                throw OtpCodes.invalid();
            }
            Map<String, Object> data = new LinkedHashMap<>(
                    postern.users().inputFields().parse(ctx.body(), InputFields.Action.CREATE, false));
            data.put("email", email);
            data.put("emailVerified", true);
            data.put("name", ctx.bodyString("name").orElse(""));
            data.put("image", ctx.bodyString("image").orElse(null));
            user = postern.users().create(data);
        } else if (!Boolean.TRUE.equals(found.get().bool("emailVerified"))) {
            user = UnprovenAccountAccess.revoke(postern, found.get().id()).orElseThrow(OtpCodes::invalid);
        } else {
            user = found.get();
        }
        Session session = postern.sessions().create(ctx, user, true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", session.token());
        body.put("user", postern.users().output(user));
        return body;
    }
}
