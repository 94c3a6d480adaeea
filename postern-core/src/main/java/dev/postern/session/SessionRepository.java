package dev.postern.session;

import dev.postern.crypto.Ids;
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

/** The session rows in the primary store, as better-auth's internal adapter reads and writes them. */
final class SessionRepository {
    private final Store store;
    private final Clock clock;

    SessionRepository(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Now, at the millisecond precision JavaScript dates (and every supported database) keep. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Session insert(Row user, String ipAddress, String userAgent, Duration lifetime) {
        Instant now = now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", Ids.generate());
        data.put("userId", user.id());
        data.put("expiresAt", now.plus(lifetime));
        data.put("ipAddress", ipAddress);
        data.put("userAgent", userAgent);
        data.put("createdAt", now);
        data.put("updatedAt", now);
        return new Session(store.create(CoreSchema.SESSION, data), user);
    }

    /** The session with this token and its user; empty when either is gone. */
    Optional<Session> findByToken(String token) {
        return store.findOne(CoreSchema.SESSION, Where.eq("token", token))
                .flatMap(session -> store.findOne(CoreSchema.USER, Where.eq("id", session.string("userId")))
                        .map(user -> new Session(session, user)));
    }

    Optional<Row> update(String token, Map<String, Object> values) {
        return store.update(CoreSchema.SESSION, Where.eq("token", token), values);
    }

    /** Pushes the expiry to {@code now + lifetime} and stamps {@code updatedAt}. */
    Optional<Row> extend(String token, Duration lifetime) {
        Instant now = now();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("expiresAt", now.plus(lifetime));
        values.put("updatedAt", now);
        return update(token, values);
    }

    List<Row> listActive(String userId) {
        Where where = Where.eq("userId", userId).and("expiresAt", Operator.GT, now());
        return store.findMany(CoreSchema.SESSION, Query.where(where).sortBy("createdAt", Query.Direction.ASC));
    }

    void deleteByToken(String token) {
        store.deleteMany(CoreSchema.SESSION, Where.eq("token", token));
    }

    void deleteAllOf(String userId) {
        store.deleteMany(CoreSchema.SESSION, Where.eq("userId", userId));
    }

    void deleteAllOfExcept(String userId, String keepToken) {
        store.deleteMany(CoreSchema.SESSION, Where.eq("userId", userId).and("token", Operator.NE, keepToken));
    }
}
