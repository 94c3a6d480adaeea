package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.plugin.emailpassword.EmailPasswordErrorCodes;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time codes as a second factor: {@code POST /two-factor/send-otp} stores a code under
 * {@code 2fa-otp-<key>} for {@code otpOptions.period} and hands it to the {@link OtpSender};
 * {@code POST /two-factor/verify-otp} redeems it, counting wrong guesses in the stored value
 * ({@code <code>:<attempts>}) up to {@code allowedAttempts}.
 */
final class OtpEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(OtpEndpoints.class);

    private final TwoFactorPlugin plugin;

    OtpEndpoints(TwoFactorPlugin plugin) {
        this.plugin = plugin;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/two-factor/send-otp")
                        .name("sendTwoFactorOTP")
                        .body(Schemas.object().optional("trustDevice", Schemas.bool()))
                        .summary("Send two factor OTP")
                        .tags("Two factor")
                        .response(ResponseSchemas.STATUS)
                        .errors("OTP_NOT_CONFIGURED", "INVALID_TWO_FACTOR_COOKIE")
                        .handler(this::send)
                        .build(),
                Endpoint.post("/two-factor/verify-otp")
                        .name("verifyTwoFactorOTP")
                        .body(Schemas.object()
                                .required("code", Schemas.string())
                                .optional("trustDevice", Schemas.bool()))
                        .summary("Verify two factor OTP")
                        .tags("Two factor")
                        .response(ResponseSchemas.TOKEN_AND_USER)
                        .noStore()
                        .errors("INVALID_TWO_FACTOR_COOKIE", "ACCOUNT_TEMPORARILY_LOCKED", "OTP_HAS_EXPIRED",
                                "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", "INVALID_CODE", "FAILED_TO_CREATE_SESSION")
                        .handler(this::verify)
                        .build());
    }

    private Object send(EndpointContext ctx) {
        TwoFactorOptions.OtpOptions options = plugin.options().otp();
        if (options.sendOTP() == null) {
            throw TwoFactorErrorCodes.OTP_SWITCHED_OFF.toException(Status.BAD_REQUEST);
        }
        Postern postern = ctx.postern();
        SignInChallenge challenge = SignInChallenge.resolve(ctx, plugin);
        OtpCodes codes = plugin.otpCodes(postern);
        String code = codes.generate();
        postern.verifications().create(OtpCodes.PREFIX + challenge.key(), codes.store(code) + ":0", options.period());
        try {
            options.sendOTP().send(challenge.user(), code, postern.config());
        } catch (RuntimeException e) {
            // As better-auth: a failed delivery is logged and the request still succeeds.
            LOG.error("Could not send the two-factor OTP to user {}", challenge.user().id(), e);
        }
        return Map.of("status", true);
    }

    private Object verify(EndpointContext ctx) {
        Postern postern = ctx.postern();
        SignInChallenge challenge = SignInChallenge.resolve(ctx, plugin);
        TwoFactorRecords records = plugin.records(postern);
        AccountLockout lockout = plugin.lockout(postern);
        Optional<Row> record = challenge.isSignIn() ? records.ofUser(challenge.user().id()) : Optional.empty();
        record.ifPresent(r -> lockout.requireUnlocked(records, r));
        String identifier = OtpCodes.PREFIX + challenge.key();
        Row consumed = postern.verifications().consume(identifier)
                .orElseThrow(() -> TwoFactorErrorCodes.OTP_HAS_EXPIRED.toException(Status.BAD_REQUEST));
        String value = consumed.string("value");
        int colon = value.lastIndexOf(':');
        String stored = colon < 0 ? value : value.substring(0, colon);
        int attempts = colon < 0 ? 0 : parseAttempts(value.substring(colon + 1));
        if (attempts >= plugin.options().otp().allowedAttempts()) {
            throw TwoFactorErrorCodes.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE.toException(Status.BAD_REQUEST);
        }
        if (plugin.otpCodes(postern).matches(stored, ctx.bodyString("code").orElseThrow())) {
            record.ifPresent(r -> lockout.recordSuccess(records, r));
            return succeed(ctx, challenge);
        }
        Duration left = Duration.between(postern.config().clock().instant(), consumed.instant("expiresAt"));
        if (left.isPositive()) {
            postern.verifications().create(identifier, stored + ":" + (attempts + 1), left);
        }
        record.ifPresent(r -> lockout.recordFailure(records, r));
        throw TwoFactorErrorCodes.INVALID_CODE.toException(Status.UNAUTHORIZED);
    }

    /** A good code: completes the challenge, or (first OTP of a user without 2FA) turns 2FA on with a new session. */
    private Object succeed(EndpointContext ctx, SignInChallenge challenge) {
        Row user = challenge.user();
        if (Boolean.TRUE.equals(user.bool(TwoFactorSchema.ENABLED))) {
            return challenge.complete(ctx);
        }
        Session session = challenge.session()
                .orElseThrow(() -> EmailPasswordErrorCodes.FAILED_TO_CREATE_SESSION.toException(Status.BAD_REQUEST));
        Postern postern = ctx.postern();
        Row updated = postern.users().update(user.id(), Map.of(TwoFactorSchema.ENABLED, true)).orElseThrow();
        Session fresh = SessionRotation.rotate(ctx, session, updated);
        return SignInChallenge.tokenAndUser(postern, fresh.token(), updated);
    }

    private static int parseAttempts(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
