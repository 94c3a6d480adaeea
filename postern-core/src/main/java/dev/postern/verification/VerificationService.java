package dev.postern.verification;

import dev.postern.schema.CoreSchema;
import dev.postern.store.Operator;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single-use values with an expiry in the {@code verification} table ({@code postern.verifications()}):
 * password-reset tokens, delete-account tokens, OTPs. Rows are keyed by an {@code identifier} exactly as
 * better-auth writes it ({@code reset-password:<token>}), so either implementation can redeem the other's.
 *
 * <p>{@link #consume} is atomic: the row is deleted by id and the value counts only if this caller's delete
 * removed it, so two concurrent redemptions of one token cannot both succeed.
 */
public final class VerificationService {
    /** How often, at most, expired rows are swept; better-auth sweeps on reads at a similar pace. */
    static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(5);

    private final Store store;
    private final Clock clock;
    private final AtomicLong nextCleanup;

    public VerificationService(Store store, Clock clock) {
        this(store, clock, new AtomicLong());
    }

    private VerificationService(Store store, Clock clock, AtomicLong nextCleanup) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextCleanup = nextCleanup;
    }

    /** The same service working inside the transaction of {@code tx}. */
    public VerificationService in(Store tx) {
        return new VerificationService(tx, clock, nextCleanup);
    }

    /** Stores {@code value} under {@code identifier} until {@code now + ttl}. */
    public Row create(String identifier, String value, Duration ttl) {
        Instant now = now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("identifier", identifier);
        data.put("value", value);
        data.put("expiresAt", now.plus(ttl));
        data.put("createdAt", now);
        data.put("updatedAt", now);
        return store.create(CoreSchema.VERIFICATION, data);
    }

    /** The newest unexpired row for {@code identifier}, left in place. */
    public Optional<Row> find(String identifier) {
        Optional<Row> latest = latest(identifier);
        sweepExpiredNowAndThen();
        return latest.filter(this::unexpired);
    }

    /**
     * The newest row for {@code identifier} even when it has expired, for flows that answer an expired value
     * differently from a wrong one (e-mail OTP's {@code OTP_EXPIRED}).
     */
    public Optional<Row> findIncludingExpired(String identifier) {
        return latest(identifier);
    }

    /**
     * Redeems {@code identifier} once: deletes its newest row (and any older ones) and returns it, or empty
     * when there is none, it has expired, or a concurrent caller redeemed it first. An expired row is
     * deleted all the same, so it can never be replayed.
     */
    public Optional<Row> consume(String identifier) {
        return store.transaction(tx -> {
            Optional<Row> latest = new VerificationService(tx, clock, nextCleanup).latest(identifier);
            if (latest.isEmpty()) {
                return Optional.<Row>empty();
            }
            Row row = latest.get();
            tx.deleteMany(CoreSchema.VERIFICATION, Where.eq("identifier", identifier)
                    .and("id", Operator.NE, row.id()));
            boolean mine = tx.deleteMany(CoreSchema.VERIFICATION, Where.eq("id", row.id())) == 1;
            return mine && unexpired(row) ? Optional.of(row) : Optional.<Row>empty();
        });
    }

    /** Removes every row for {@code identifier}. */
    public void delete(String identifier) {
        store.deleteMany(CoreSchema.VERIFICATION, Where.eq("identifier", identifier));
    }

    private Optional<Row> latest(String identifier) {
        List<Row> rows = store.findMany(CoreSchema.VERIFICATION, Query.where(Where.eq("identifier", identifier))
                .sortBy("createdAt", Query.Direction.DESC).limit(1));
        return rows.stream().findFirst();
    }

    private boolean unexpired(Row row) {
        Instant expiresAt = row.instant("expiresAt");
        return expiresAt != null && expiresAt.isAfter(now());
    }

    private void sweepExpiredNowAndThen() {
        long now = clock.millis();
        long due = nextCleanup.get();
        if (now >= due && nextCleanup.compareAndSet(due, now + CLEANUP_INTERVAL.toMillis())) {
            store.deleteMany(CoreSchema.VERIFICATION, Where.of("expiresAt", Operator.LT, now()));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
