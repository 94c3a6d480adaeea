package dev.postern.verification;

import dev.postern.crypto.Ids;
import dev.postern.crypto.JsDates;
import dev.postern.json.Json;
import dev.postern.schema.CoreSchema;
import dev.postern.storage.SecondaryStorage;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Single-use values with an expiry in the {@code verification} table ({@code postern.verifications()}):
 * password-reset tokens, delete-account tokens, OTPs. Rows are keyed by an {@code identifier} exactly as
 * better-auth writes it ({@code reset-password:<token>}), so either implementation can redeem the other's.
 *
 * <p>{@link #consume} is atomic: the row is deleted by id and the value counts only if this caller's delete
 * removed it, so two concurrent redemptions of one token cannot both succeed.
 *
 * <p>With secondary storage configured (and {@code verification.storeInDatabase} off) the values live there
 * instead, under better-auth's key {@code verification:<identifier>} holding the row as JSON and expiring
 * with it; {@link #consume} is then an atomic get-and-delete. Such values are outside any database
 * transaction: {@link #in(Store)} changes only where table rows go.
 */
public final class VerificationService {
    /** How often, at most, expired rows are swept; better-auth sweeps on reads at a similar pace. */
    static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(5);
    /** better-auth's key for a verification value in secondary storage. */
    static final String KEY_PREFIX = "verification:";
    private static final java.util.Set<String> DATE_FIELDS = java.util.Set.of("expiresAt", "createdAt", "updatedAt");

    private final Store store;
    private final Clock clock;
    private final AtomicLong nextCleanup;
    private final SecondaryStorage secondary;

    public VerificationService(Store store, Clock clock) {
        this(store, clock, new AtomicLong(), null);
    }

    /** Values in {@code secondary} rather than the table, when it is not null. */
    public VerificationService(Store store, Clock clock, SecondaryStorage secondary) {
        this(store, clock, new AtomicLong(), secondary);
    }

    private VerificationService(Store store, Clock clock, AtomicLong nextCleanup, SecondaryStorage secondary) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nextCleanup = nextCleanup;
        this.secondary = secondary;
    }

    /** The same service working inside the transaction of {@code tx}. */
    public VerificationService in(Store tx) {
        return new VerificationService(tx, clock, nextCleanup, secondary);
    }

    /** Stores {@code value} under {@code identifier} until {@code now + ttl}. */
    public Row create(String identifier, String value, Duration ttl) {
        Instant now = now();
        Map<String, Object> data = new LinkedHashMap<>();
        if (secondary != null) {
            data.put("id", Ids.generate());
        }
        data.put("identifier", identifier);
        data.put("value", value);
        data.put("expiresAt", now.plus(ttl));
        data.put("createdAt", now);
        data.put("updatedAt", now);
        if (secondary == null) {
            return store.create(CoreSchema.VERIFICATION, data);
        }
        if (!ttl.isNegative() && ttl.toSeconds() > 0) {
            secondary.set(KEY_PREFIX + identifier, Json.write(data), ttl.toSeconds());
        }
        return new Row(data);
    }

    /** The newest unexpired row for {@code identifier}, left in place. */
    public Optional<Row> find(String identifier) {
        if (secondary != null) {
            return secondary.get(KEY_PREFIX + identifier).flatMap(VerificationService::parse).filter(this::unexpired);
        }
        Optional<Row> latest = latest(identifier);
        sweepExpiredNowAndThen();
        return latest.filter(this::unexpired);
    }

    /**
     * The newest row for {@code identifier} even when it has expired, for flows that answer "expired"
     * differently from "not found" (better-auth's OTP plugins); the row is left in place. In secondary storage
     * an expired value is gone with its key, as in better-auth.
     */
    public Optional<Row> findLatest(String identifier) {
        if (secondary != null) {
            return secondary.get(KEY_PREFIX + identifier).flatMap(VerificationService::parse);
        }
        return latest(identifier);
    }

    /** Whether a row read from this service is still valid now. */
    public boolean isUnexpired(Row row) {
        return unexpired(row);
    }

    /**
     * Redeems {@code identifier} once: deletes its newest row (and any older ones) and returns it, or empty
     * when there is none, it has expired, or a concurrent caller redeemed it first. An expired row is
     * deleted all the same, so it can never be replayed.
     */
    public Optional<Row> consume(String identifier) {
        if (secondary != null) {
            return secondary.getAndDelete(KEY_PREFIX + identifier).flatMap(VerificationService::parse).filter(this::unexpired);
        }
        return store.transaction(tx -> {
            Optional<Row> latest = new VerificationService(tx, clock, nextCleanup, null).latest(identifier);
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
        if (secondary != null) {
            secondary.delete(KEY_PREFIX + identifier);
            return;
        }
        store.deleteMany(CoreSchema.VERIFICATION, Where.eq("identifier", identifier));
    }

    /** A row as JSON, its dates revived; empty when the value is not one (written by something else). */
    private static Optional<Row> parse(String json) {
        try {
            JsonNode node = Json.parse(json);
            if (!node.isObject()) {
                return Optional.empty();
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                JsonNode value = property.getValue();
                Object java = value.isNull() ? null : value.isString() ? value.stringValue() : Json.convert(value, Object.class);
                if (DATE_FIELDS.contains(property.getKey()) && java instanceof String text) {
                    java = JsDates.revive(text).map(Object.class::cast).orElse(text);
                }
                values.put(property.getKey(), java);
            }
            return Optional.of(new Row(values));
        } catch (JacksonException e) {
            return Optional.empty();
        }
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
