package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TOTP: {@code POST /two-factor/get-totp-uri}, {@code POST /two-factor/verify-totp} and the server-only
 * {@code generateTOTP}. Verifying completes a sign-in challenge, or, in a session, finishes enrolment: the
 * first good code marks the secret verified and turns {@code twoFactorEnabled} on (rotating the session).
 */
final class TotpEndpoints {
    private final TwoFactorPlugin plugin;

    TotpEndpoints(TwoFactorPlugin plugin) {
        this.plugin = plugin;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.serverOnly("generateTOTP")
                        .body(Schemas.object().required("secret", Schemas.string()))
                        .summary("Generate the current TOTP code of a secret")
                        .errors("TOTP_NOT_CONFIGURED")
                        .handler(this::generate)
                        .build(),
                Endpoint.post("/two-factor/get-totp-uri")
                        .name("getTOTPURI")
                        .body(plugin.passwordBody().optional("qrCode", Schemas.oneOf("svg", "png")))
                        .summary("Get TOTP URI")
                        .description("Postern extension: qrCode 'svg' or 'png' adds totpQRCode.")
                        .tags("Two factor")
                        .response(ResponseSchemas.object(ResponseSchemas.ordered(
                                "totpURI", ResponseSchemas.string(), "totpQRCode", ResponseSchemas.string()), "totpURI"))
                        .noStore()
                        .errors("UNAUTHORIZED", "TOTP_NOT_CONFIGURED", "TOTP_NOT_ENABLED", "INVALID_PASSWORD")
                        .handler(this::uri)
                        .build(),
                Endpoint.post("/two-factor/verify-totp")
                        .name("verifyTOTP")
                        .body(Schemas.object()
                                .required("code", Schemas.string())
                                .optional("trustDevice", Schemas.bool()))
                        .summary("Verify two factor TOTP")
                        .tags("Two factor")
                        .response(ResponseSchemas.TOKEN_AND_USER)
                        .noStore()
                        .errors("TOTP_NOT_CONFIGURED", "INVALID_TWO_FACTOR_COOKIE", "TOTP_NOT_ENABLED",
                                "ACCOUNT_TEMPORARILY_LOCKED", "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", "INVALID_CODE")
                        .handler(this::verify)
                        .build());
    }

    private Object generate(EndpointContext ctx) {
        requireTotpOn();
        TwoFactorOptions.TotpOptions totp = plugin.options().totp();
        byte[] key = ctx.bodyString("secret").orElseThrow().getBytes(StandardCharsets.UTF_8);
        String code = new Totp(key, totp.digits(), totp.period()).at(ctx.postern().config().clock().instant());
        return Map.of("code", code);
    }

    private Object uri(EndpointContext ctx) {
        requireTotpOn();
        Postern postern = ctx.postern();
        Session session = postern.sessions().require(ctx);
        Row user = session.user();
        Row record = plugin.records(postern).ofUser(user.id())
                .orElseThrow(() -> TwoFactorErrorCodes.TOTP_NOT_ENABLED.toException(Status.BAD_REQUEST));
        byte[] key = key(postern, record);
        plugin.passwordCheck().require(postern, user.id(), ctx.bodyString("password"));
        String uri = uri(plugin, postern, key, null, user.string("email"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totpURI", uri);
        ctx.bodyString("qrCode").ifPresent(format -> body.put("totpQRCode", TotpQrCode.render(uri, format)));
        return body;
    }

    private Object verify(EndpointContext ctx) {
        requireTotpOn();
        Postern postern = ctx.postern();
        SignInChallenge challenge = SignInChallenge.resolve(ctx, plugin);
        Row user = challenge.user();
        TwoFactorRecords records = plugin.records(postern);
        Row record = records.ofUser(user.id())
                .orElseThrow(() -> TwoFactorErrorCodes.TOTP_NOT_ENABLED.toException(Status.BAD_REQUEST));
        if (challenge.isSignIn() && Boolean.FALSE.equals(record.bool("verified"))) {
            throw TwoFactorErrorCodes.TOTP_NOT_ENABLED.toException(Status.BAD_REQUEST);
        }
        AccountLockout lockout = plugin.lockout(postern);
        if (challenge.isSignIn()) {
            lockout.requireUnlocked(records, record);
        }
        SignInChallenge.Attempt attempt = challenge.beginAttempt(ctx);
        boolean valid;
        try {
            valid = totp(postern, record).verify(ctx.bodyString("code").orElseThrow(), postern.config().clock().instant());
        } catch (RuntimeException e) {
            attempt.restore().run();
            throw e;
        }
        if (!valid) {
            attempt.recordFailure().run();
            if (challenge.isSignIn()) {
                lockout.recordFailure(records, record);
            }
            throw TwoFactorErrorCodes.INVALID_CODE.toException(Status.UNAUTHORIZED);
        }
        if (challenge.isSignIn()) {
            lockout.recordSuccess(records, record);
        }
        if (!Boolean.TRUE.equals(record.bool("verified"))) {
            return finishEnrolment(ctx, challenge, records, record);
        }
        return challenge.complete(ctx);
    }

    /**
     * The first good code of an enrolment: the secret becomes verified and, for a user without 2FA yet,
     * {@code twoFactorEnabled} turns on with a new session. Answers the new session's token and the updated
     * user (better-auth answers the old, already deleted, token here).
     */
    private Object finishEnrolment(EndpointContext ctx, SignInChallenge challenge, TwoFactorRecords records, Row record) {
        Postern postern = ctx.postern();
        Row user = challenge.user();
        Optional<Session> session = challenge.session();
        if (Boolean.TRUE.equals(user.bool(TwoFactorSchema.ENABLED)) || session.isEmpty()) {
            records.markVerified(record);
            return challenge.complete(ctx);
        }
        Row updated = postern.store().transaction(tx -> {
            new TwoFactorRecords(tx).markVerified(record);
            return postern.users().in(tx).update(user.id(), Map.of(TwoFactorSchema.ENABLED, true)).orElseThrow();
        });
        Session fresh = SessionRotation.rotate(ctx, session.get(), updated);
        return SignInChallenge.tokenAndUser(postern, fresh.token(), updated);
    }

    private void requireTotpOn() {
        if (plugin.options().totp().disable()) {
            throw TwoFactorErrorCodes.TOTP_SWITCHED_OFF.toException(Status.BAD_REQUEST);
        }
    }

    private Totp totp(Postern postern, Row record) {
        TwoFactorOptions.TotpOptions options = plugin.options().totp();
        return new Totp(key(postern, record), options.digits(), options.period());
    }

    /**
     * The HMAC key of a stored secret. A secret that does not decrypt (another instance's secret, a damaged
     * row) is answered as "TOTP not enabled" rather than a 500: the user must enrol again.
     */
    static byte[] key(Postern postern, Row record) {
        return TwoFactorPlugin.encryption(postern).decrypt(record.string("secret"))
                .map(Totp::keyOf)
                .orElseThrow(() -> TwoFactorErrorCodes.TOTP_NOT_ENABLED.toException(Status.BAD_REQUEST));
    }

    static String uri(TwoFactorPlugin plugin, Postern postern, byte[] key, String requestedIssuer, String email) {
        TwoFactorOptions.TotpOptions options = plugin.options().totp();
        return OtpAuthUri.of(key, plugin.issuer(postern, requestedIssuer), email, options.digits(), options.period());
    }
}
