package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.crypto.Ids;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /two-factor/enable} and {@code POST /two-factor/disable}. Enabling TOTP writes an unverified
 * enrolment (encrypted secret and backup codes) and answers the otpauth URI and the codes; 2FA turns on
 * at the first verified code unless {@code skipVerificationOnEnable}. Enabling OTP turns it on at once.
 * Both changes of {@code twoFactorEnabled} rotate the session; disabling also revokes this device's trust.
 */
final class TwoFactorSetup {
    private static final int SECRET_LENGTH = 32;

    private final TwoFactorPlugin plugin;

    TwoFactorSetup(TwoFactorPlugin plugin) {
        this.plugin = plugin;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/two-factor/enable")
                        .name("enableTwoFactor")
                        .body(plugin.passwordBody()
                                .optional("method", Schemas.oneOf("otp", "totp"))
                                .optional("issuer", Schemas.string())
                                .optional("qrCode", Schemas.oneOf("svg", "png")))
                        .summary("Enable two factor authentication")
                        .description("method 'totp' (default) answers the TOTP URI and backup codes; 'otp' enables "
                                + "email/SMS codes at once. Postern extension: qrCode 'svg' or 'png' adds totpQRCode.")
                        .tags("Two factor")
                        .response(ResponseSchemas.object(ResponseSchemas.ordered(
                                "method", ResponseSchemas.string(),
                                "totpURI", ResponseSchemas.string(),
                                "backupCodes", ResponseSchemas.arrayOf(ResponseSchemas.string()),
                                "totpQRCode", ResponseSchemas.string()), "method"))
                        .noStore()
                        .errors("UNAUTHORIZED", "INVALID_PASSWORD", "OTP_NOT_CONFIGURED", "TOTP_NOT_CONFIGURED",
                                "TOTP_ALREADY_ENABLED")
                        .handler(this::enable)
                        .build(),
                Endpoint.post("/two-factor/disable")
                        .name("disableTwoFactor")
                        .body(plugin.passwordBody())
                        .summary("Disable two factor authentication")
                        .tags("Two factor")
                        .response(ResponseSchemas.STATUS)
                        .errors("UNAUTHORIZED", "INVALID_PASSWORD")
                        .handler(this::disable)
                        .build());
    }

    private Object enable(EndpointContext ctx) {
        Postern postern = ctx.postern();
        TwoFactorOptions options = plugin.options();
        Session session = postern.sessions().requireSensitive(ctx);
        Row user = session.user();
        requirePasswordUnlessPasswordless(ctx, user);
        String method = ctx.bodyString("method").orElse("totp");
        if (method.equals("otp") && options.otp().sendOTP() == null) {
            throw TwoFactorErrorCodes.OTP_NOT_CONFIGURED.toException(Status.BAD_REQUEST);
        }
        if (method.equals("totp") && options.totp().disable()) {
            throw TwoFactorErrorCodes.TOTP_NOT_CONFIGURED.toException(Status.BAD_REQUEST);
        }
        if (method.equals("otp")) {
            Row updated = postern.users().update(user.id(), Map.of(TwoFactorSchema.ENABLED, true)).orElseThrow();
            SessionRotation.rotate(ctx, session, updated);
            return Map.of("method", "otp");
        }
        TwoFactorRecords records = plugin.records(postern);
        Optional<Row> existing = records.ofUser(user.id());
        if (existing.isPresent() && !Boolean.FALSE.equals(existing.get().bool("verified"))) {
            throw TwoFactorErrorCodes.TOTP_ALREADY_ENABLED.toException(Status.BAD_REQUEST);
        }
        BackupCodes backupCodes = plugin.backupCodes(postern);
        List<String> codes = backupCodes.generate();
        String secret = Ids.random(SECRET_LENGTH, Ids.URL_SAFE);
        boolean skipVerification = options.skipVerificationOnEnable();
        Row updated = postern.store().transaction(tx -> {
            new TwoFactorRecords(tx).enrol(existing, user.id(), TwoFactorPlugin.encryption(postern).encrypt(secret),
                    backupCodes.encode(codes), skipVerification);
            return skipVerification
                    ? postern.users().in(tx).update(user.id(), Map.of(TwoFactorSchema.ENABLED, true)).orElseThrow()
                    : user;
        });
        if (skipVerification) {
            SessionRotation.rotate(ctx, session, updated);
        }
        String uri = TotpEndpoints.uri(plugin, postern, Totp.keyOf(secret), ctx.bodyString("issuer").orElse(null),
                user.string("email"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", "totp");
        body.put("totpURI", uri);
        body.put("backupCodes", codes);
        ctx.bodyString("qrCode").ifPresent(format -> body.put("totpQRCode", TotpQrCode.render(uri, format)));
        return body;
    }

    private Object disable(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().requireSensitive(ctx);
        Row user = session.user();
        requirePasswordUnlessPasswordless(ctx, user);
        Row updated = postern.store().transaction(tx -> {
            Row changed = postern.users().in(tx).update(user.id(), Map.of(TwoFactorSchema.ENABLED, false)).orElseThrow();
            new TwoFactorRecords(tx).deleteOfUser(user.id());
            return changed;
        });
        SessionRotation.rotate(ctx, session, updated);
        plugin.trustedDevices().revoke(ctx);
        return Map.of("status", true);
    }

    private void requirePasswordUnlessPasswordless(EndpointContext ctx, Row user) {
        plugin.passwordCheck().require(ctx.postern(), user.id(), ctx.bodyString("password"));
    }
}
