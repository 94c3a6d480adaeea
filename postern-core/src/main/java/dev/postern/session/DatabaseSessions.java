package dev.postern.session;

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
import java.util.Optional;

/**
 * Sessions as rows of the {@code session} table, as better-auth's internal adapter reads and writes them
 * when no secondary storage is configured (and, with {@code storeSessionInDatabase}, as the copy behind it).
 */
final class DatabaseSessions implements SessionStorage {
    private final Store store;
    private final Clock clock;
    private final boolean preserveRevoked;

    DatabaseSessions(Store store, Clock clock, boolean preserveRevoked) {
        this.store = store;
        this.clock = clock;
        this.preserveRevoked = preserveRevoked;
    }

    @Override
    public DatabaseSessions in(Store tx) {
        return new DatabaseSessions(tx, clock, preserveRevoked);
    }

    @Override
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Session insert(Row user, String ipAddress, String userAgent, Duration lifetime) {
        return insert(SessionStorage.newRow(user, ipAddress, userAgent, now(), lifetime, false), user);
    }

    /** Inserts a prepared row (its id, when present, kept): the write-through copy of a cached session. */
    Session insert(Map<String, Object> data, Row user) {
        return new Session(store.create(CoreSchema.SESSION, data), user);
    }

    @Override
    public Optional<Session> findByToken(String token) {
        // One round trip on SQL stores: the session joined with its user, found through the unique token index.
        return store.findOneWithParent(CoreSchema.SESSION, Where.eq("token", token), "userId", CoreSchema.USER)
                .map(found -> new Session(found.row(), found.parent()));
    }

    @Override
    public Optional<Row> update(String token, Map<String, Object> values) {
        return store.update(CoreSchema.SESSION, Where.eq("token", token), values);
    }

    @Override
    public List<Row> listActive(String userId) {
        Where where = Where.eq("userId", userId).and("expiresAt", Operator.GT, now());
        return store.findMany(CoreSchema.SESSION, Query.where(where).sortBy("createdAt", Query.Direction.ASC));
    }

    @Override
    public void deleteByToken(String token) {
        end(Where.eq("token", token));
    }

    @Override
    public void deleteAllOf(String userId) {
        end(Where.eq("userId", userId));
    }

    @Override
    public void deleteAllOfExcept(String userId, String keepToken) {
        end(Where.eq("userId", userId).and("token", Operator.NE, keepToken));
    }

    /** The user's row is read with every session, so there is no copy to refresh. */
    @Override
    public void refreshUser(Row user) {
    }

    /**
     * Deletes the matching rows, or with {@code preserveSessionInDatabase} ends the live ones
     * ({@code expiresAt = now}) and keeps them for auditing.
     */
    private void end(Where where) {
        if (preserveRevoked) {
            Instant now = now();
            store.updateMany(CoreSchema.SESSION, where.and("expiresAt", Operator.GT, now),
                    Map.of("expiresAt", now, "updatedAt", now));
        } else {
            store.deleteMany(CoreSchema.SESSION, where);
        }
    }
}
