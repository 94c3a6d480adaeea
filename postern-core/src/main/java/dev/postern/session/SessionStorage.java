package dev.postern.session;

import dev.postern.crypto.Ids;
import dev.postern.store.Row;
import dev.postern.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where sessions live: the {@code session} table ({@link DatabaseSessions}) or secondary storage such as
 * Redis ({@link SecondaryStorageSessions}), chosen once from the configuration. Everything above it
 * ({@link SessionService}, {@link SessionReader}) is the same either way.
 */
interface SessionStorage {

    /** The same storage writing its database part inside the transaction of {@code tx}. */
    SessionStorage in(Store tx);

    /** Now, at the millisecond precision JavaScript dates (and every supported database) keep. */
    Instant now();

    Session insert(Row user, String ipAddress, String userAgent, Duration lifetime);

    /** The session with this token and its user, expired or not; empty when either is gone or revoked. */
    Optional<Session> findByToken(String token);

    /** Updates fields of the session; empty when it is gone. */
    Optional<Row> update(String token, Map<String, Object> values);

    /** Pushes the expiry to {@code now + lifetime} and stamps {@code updatedAt}. */
    default Optional<Row> extend(String token, Duration lifetime) {
        Instant now = now();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("expiresAt", now.plus(lifetime));
        values.put("updatedAt", now);
        return update(token, values);
    }

    /** The user's sessions that have not expired, oldest first. */
    List<Row> listActive(String userId);

    void deleteByToken(String token);

    void deleteAllOf(String userId);

    void deleteAllOfExcept(String userId, String keepToken);

    /** Called after the user row changed, with the new row: copies of it kept with sessions are rewritten. */
    void refreshUser(Row user);

    /** A new session row as better-auth's {@code createSession} builds it; with {@code withId}, its id too. */
    static Map<String, Object> newRow(Row user, String ipAddress, String userAgent, Instant now, Duration lifetime,
                                      boolean withId) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (withId) {
            data.put("id", Ids.generate());
        }
        data.put("token", Ids.generate());
        data.put("userId", user.id());
        data.put("expiresAt", now.plus(lifetime));
        data.put("ipAddress", ipAddress);
        data.put("userAgent", userAgent);
        data.put("createdAt", now);
        data.put("updatedAt", now);
        return data;
    }
}
