package dev.postern.plugin.twofactor;

import dev.postern.http.Status;
import dev.postern.plugin.twofactor.TwoFactorOptions.AccountLockoutOptions;
import dev.postern.store.Row;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * better-auth 1.7.25's {@code accountLockout} for sign-in verifications: consecutive failed second factors
 * are counted on the {@code twoFactor} row across challenges and factors; at {@code maxFailedAttempts} the
 * account is locked for {@code duration} (429 {@code ACCOUNT_TEMPORARILY_LOCKED}), and a success clears the count.
 * A fresh challenge does not reset it, so signing in again does not buy more guesses.
 */
final class AccountLockout {
    private final AccountLockoutOptions options;
    private final Clock clock;

    AccountLockout(AccountLockoutOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /** 429 while the row is locked; an expired lock is cleared with its count. */
    void requireUnlocked(TwoFactorRecords records, Row record) {
        if (!options.enabled()) {
            return;
        }
        Instant lockedUntil = record.instant("lockedUntil");
        if (lockedUntil == null) {
            return;
        }
        if (lockedUntil.isAfter(clock.instant())) {
            throw TwoFactorErrorCodes.ACCOUNT_TEMPORARILY_LOCKED.toException(Status.TOO_MANY_REQUESTS);
        }
        records.resetFailures(record.id());
    }

    void recordFailure(TwoFactorRecords records, Row record) {
        if (!options.enabled()) {
            return;
        }
        if (records.countFailure(record.id()) >= options.maxFailedAttempts()) {
            records.lockUntil(record.id(), clock.instant().plus(options.duration()).truncatedTo(ChronoUnit.MILLIS));
        }
    }

    void recordSuccess(TwoFactorRecords records, Row record) {
        if (options.enabled()) {
            records.resetFailures(record.id());
        }
    }
}
