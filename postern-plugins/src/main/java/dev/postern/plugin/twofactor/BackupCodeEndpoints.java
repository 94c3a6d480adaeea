package dev.postern.plugin.twofactor;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backup codes: {@code POST /two-factor/verify-backup-code} (a code is a second factor once),
 * {@code POST /two-factor/generate-backup-codes} (a new set replaces the old) and the server-only
 * {@code viewBackupCodes}.
 */
final class BackupCodeEndpoints {
    private final TwoFactorPlugin plugin;

    BackupCodeEndpoints(TwoFactorPlugin plugin) {
        this.plugin = plugin;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/two-factor/verify-backup-code")
                        .name("verifyBackupCode")
                        .body(Schemas.object()
                                .required("code", Schemas.string())
                                .optional("disableSession", Schemas.bool())
                                .optional("trustDevice", Schemas.bool()))
                        .summary("Verify a backup code for two-factor authentication")
                        .tags("Two factor")
                        .response(ResponseSchemas.TOKEN_AND_USER)
                        .noStore()
                        .errors("INVALID_TWO_FACTOR_COOKIE", "BACKUP_CODES_NOT_ENABLED", "ACCOUNT_TEMPORARILY_LOCKED",
                                "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", "INVALID_BACKUP_CODE")
                        .handler(this::verify)
                        .build(),
                Endpoint.post("/two-factor/generate-backup-codes")
                        .name("generateBackupCodes")
                        .body(plugin.passwordBody())
                        .summary("Generate new backup codes for two-factor authentication")
                        .tags("Two factor")
                        .response(ResponseSchemas.object(ResponseSchemas.ordered(
                                "status", ResponseSchemas.bool(),
                                "backupCodes", ResponseSchemas.arrayOf(ResponseSchemas.string())), "status", "backupCodes"))
                        .noStore()
                        .errors("UNAUTHORIZED", "TWO_FACTOR_NOT_ENABLED", "INVALID_PASSWORD")
                        .handler(this::generate)
                        .build(),
                Endpoint.serverOnly("viewBackupCodes")
                        .body(Schemas.object().required("userId", Schemas.string()))
                        .summary("A user's backup codes, decrypted (server only)")
                        .errors("BACKUP_CODES_NOT_ENABLED", "INVALID_BACKUP_CODE")
                        .handler(this::view)
                        .build());
    }

    private Object verify(EndpointContext ctx) {
        Postern postern = ctx.postern();
        SignInChallenge challenge = SignInChallenge.resolve(ctx, plugin);
        TwoFactorRecords records = plugin.records(postern);
        Row record = records.ofUser(challenge.user().id())
                .orElseThrow(() -> TwoFactorErrorCodes.BACKUP_CODES_NOT_ENABLED.toException(Status.BAD_REQUEST));
        AccountLockout lockout = plugin.lockout(postern);
        if (challenge.isSignIn()) {
            lockout.requireUnlocked(records, record);
        }
        SignInChallenge.Attempt attempt = challenge.beginAttempt(ctx);
        BackupCodes backupCodes = plugin.backupCodes(postern);
        String stored = record.string("backupCodes");
        Optional<List<String>> remaining = backupCodes.decode(stored)
                .flatMap(codes -> BackupCodes.redeem(codes, ctx.bodyString("code").orElseThrow()));
        if (remaining.isEmpty()) {
            attempt.recordFailure().run();
            if (challenge.isSignIn()) {
                lockout.recordFailure(records, record);
            }
            throw TwoFactorErrorCodes.INVALID_BACKUP_CODE.toException(Status.UNAUTHORIZED);
        }
        if (!records.swapBackupCodes(record, stored, backupCodes.encode(remaining.get()))) {
            // Another request redeemed a code of this set between our read and our write (better-auth: no code).
            throw ApiException.message(Status.CONFLICT, "Failed to verify backup code. Please try again.");
        }
        if (challenge.isSignIn()) {
            lockout.recordSuccess(records, record);
        }
        if (!ctx.bodyBoolean("disableSession", false)) {
            return challenge.complete(ctx);
        }
        return SignInChallenge.tokenAndUser(postern, challenge.session().map(Session::token).orElse(null), challenge.user());
    }

    private Object generate(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Row user = postern.sessions().require(ctx).user();
        if (!Boolean.TRUE.equals(user.bool(TwoFactorSchema.ENABLED))) {
            throw TwoFactorErrorCodes.TWO_FACTOR_NOT_ENABLED.toException(Status.BAD_REQUEST);
        }
        plugin.passwordCheck().require(postern, user.id(), ctx.bodyString("password"));
        TwoFactorRecords records = plugin.records(postern);
        Row record = records.ofUser(user.id())
                .orElseThrow(() -> TwoFactorErrorCodes.TWO_FACTOR_NOT_ENABLED.toException(Status.BAD_REQUEST));
        BackupCodes backupCodes = plugin.backupCodes(postern);
        List<String> codes = backupCodes.generate();
        records.replaceBackupCodes(record, backupCodes.encode(codes));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        body.put("backupCodes", codes);
        return body;
    }

    private Object view(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Row record = plugin.records(postern).ofUser(ctx.bodyString("userId").orElseThrow())
                .orElseThrow(() -> TwoFactorErrorCodes.BACKUP_CODES_NOT_ENABLED.toException(Status.BAD_REQUEST));
        List<String> codes = plugin.backupCodes(postern).decode(record.string("backupCodes"))
                .orElseThrow(() -> TwoFactorErrorCodes.INVALID_BACKUP_CODE.toException(Status.BAD_REQUEST));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", true);
        body.put("backupCodes", codes);
        return body;
    }
}
