package dev.postern.ratelimit;

import dev.postern.store.Operator;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.UniqueViolationException;
import dev.postern.store.Where;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts in the {@code rateLimit} table ({@code key} unique, {@code count}, {@code lastRequest} in epoch
 * milliseconds), shared by every instance on the database, with better-auth's sliding-window rule.
 *
 * <p>Atomic without locks or a transaction: each step is a compare-and-set, an {@code UPDATE} whose
 * {@code WHERE} names the count and time just read, so of two requests that read the same row only one
 * changes it (every database re-checks an update's condition against the latest row) and the other reads
 * again. A key's first request inserts, and losing that race to the unique key means counting against the
 * winner's row. Every retry follows someone else's success, so a burst settles within a few rounds.
 */
public final class DatabaseRateLimitStorage implements RateLimitStorage {
    public static final String MODEL = RateLimitSchema.TABLE;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseRateLimitStorage.class);
    /** Far more rounds than a burst needs; reaching it means something else keeps rewriting the row. */
    private static final int MAX_ROUNDS = 64;

    private final Store store;
    private final Clock clock;
    private final long keepRowsMillis;
    private final AtomicLong nextCleanup = new AtomicLong();

    /**
     * @param longestWindow how long rows stay useful; rows idle longer are deleted now and then
     */
    public DatabaseRateLimitStorage(Store store, Clock clock, Duration longestWindow) {
        this.store = store;
        this.clock = clock;
        this.keepRowsMillis = longestWindow.toMillis();
    }

    @Override
    public RateLimitDecision consume(String key, RateLimit limit) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long now = clock.millis();
            Row row = store.findOne(MODEL, Where.eq(RateLimitSchema.KEY, key)).orElse(null);
            if (row == null) {
                if (insertFirst(key, now)) {
                    cleanUpNowAndThen(now);
                    return RateLimitDecision.allow();
                }
                continue;
            }
            RequestCount current = new RequestCount(row.number(RateLimitSchema.COUNT),
                    row.number(RateLimitSchema.LAST_REQUEST));
            SlidingWindow.Step step = SlidingWindow.consume(current, limit, now);
            if (!step.decision().allowed()) {
                return step.decision();
            }
            if (compareAndSet(key, current, step.next())) {
                return step.decision();
            }
        }
        LOG.warn("Rate limit key {} changed under every one of {} attempts; denying this request", key, MAX_ROUNDS);
        return RateLimitDecision.deny(limit.windowSeconds());
    }

    private boolean insertFirst(String key, long now) {
        try {
            store.create(MODEL, Map.of(RateLimitSchema.KEY, key, RateLimitSchema.COUNT, 1L,
                    RateLimitSchema.LAST_REQUEST, now));
            return true;
        } catch (UniqueViolationException raced) {
            return false;
        }
    }

    private boolean compareAndSet(String key, RequestCount expected, RequestCount next) {
        Where unchanged = Where.eq(RateLimitSchema.KEY, key)
                .andEq(RateLimitSchema.COUNT, expected.count())
                .andEq(RateLimitSchema.LAST_REQUEST, expected.lastRequest());
        return store.updateMany(MODEL, unchanged, Map.of(RateLimitSchema.COUNT, next.count(),
                RateLimitSchema.LAST_REQUEST, next.lastRequest())) == 1;
    }

    /**
     * Deletes rows idle longer than the longest window, at most once per that window per instance: they
     * can no longer limit anyone, and one pass clears a whole flood of single-request keys.
     */
    private void cleanUpNowAndThen(long now) {
        long due = nextCleanup.get();
        if (now < due || !nextCleanup.compareAndSet(due, now + keepRowsMillis)) {
            return;
        }
        try {
            store.deleteMany(MODEL, Where.of(RateLimitSchema.LAST_REQUEST, Operator.LT, now - keepRowsMillis));
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired rate limit rows", e);
        }
    }
}
