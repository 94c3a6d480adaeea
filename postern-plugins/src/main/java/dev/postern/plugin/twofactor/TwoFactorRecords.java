package dev.postern.plugin.twofactor;

import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes the {@code twoFactor} table. The backup-code rewrite and the failure counter are
 * compare-and-swap updates (guarded on the value read), which is what better-auth's {@code incrementOne}
 * gives it: two concurrent redemptions of one code cannot both win, and concurrent failures are all counted.
 */
final class TwoFactorRecords {
    /** Retries of a counter update that lost a race; each loss means another request counted first. */
    private static final int MAX_RACES = 16;

    private final Store store;

    TwoFactorRecords(Store store) {
        this.store = store;
    }

    Optional<Row> ofUser(String userId) {
        return store.findOne(TwoFactorSchema.TABLE, Where.eq("userId", userId));
    }

    /** Writes a new enrolment, replacing the secret and codes of an unverified one. */
    void enrol(Optional<Row> existing, String userId, String secret, String backupCodes, boolean verified) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("secret", secret);
        data.put("backupCodes", backupCodes);
        data.put("verified", verified);
        if (existing.isPresent()) {
            store.update(TwoFactorSchema.TABLE, Where.eq("id", existing.get().id()), data);
        } else {
            data.put("userId", userId);
            store.create(TwoFactorSchema.TABLE, data);
        }
    }

    void markVerified(Row record) {
        store.update(TwoFactorSchema.TABLE, Where.eq("id", record.id()), Map.of("verified", true));
    }

    void replaceBackupCodes(Row record, String backupCodes) {
        store.update(TwoFactorSchema.TABLE, Where.eq("id", record.id()), Map.of("backupCodes", backupCodes));
    }

    /** Replaces the backup codes only if they are still {@code expected}; false when another request changed them. */
    boolean swapBackupCodes(Row record, String expected, String replacement) {
        return store.update(TwoFactorSchema.TABLE, Where.eq("id", record.id()).andEq("backupCodes", expected),
                Map.of("backupCodes", replacement)).isPresent();
    }

    void deleteOfUser(String userId) {
        store.deleteMany(TwoFactorSchema.TABLE, Where.eq("userId", userId));
    }

    /** Adds one failure and returns the new count. */
    long countFailure(String id) {
        for (int race = 0; race < MAX_RACES; race++) {
            Optional<Row> current = store.findOne(TwoFactorSchema.TABLE, Where.eq("id", id));
            if (current.isEmpty()) {
                return 0;
            }
            Long count = current.get().number("failedVerificationCount");
            long next = (count == null ? 0 : count) + 1;
            // A null counter (a row from before the column existed) is overwritten unguarded, as better-auth does.
            Where where = count == null ? Where.eq("id", id) : Where.eq("id", id).andEq("failedVerificationCount", count);
            if (store.update(TwoFactorSchema.TABLE, where, Map.of("failedVerificationCount", next)).isPresent()) {
                return next;
            }
        }
        throw new IllegalStateException("two-factor failure counter kept changing");
    }

    void lockUntil(String id, Instant until) {
        store.update(TwoFactorSchema.TABLE, Where.eq("id", id), Map.of("lockedUntil", until));
    }

    void resetFailures(String id) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("failedVerificationCount", 0L);
        data.put("lockedUntil", null);
        store.update(TwoFactorSchema.TABLE, Where.eq("id", id), data);
    }
}
