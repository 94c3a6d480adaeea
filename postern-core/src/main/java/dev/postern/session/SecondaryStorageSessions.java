package dev.postern.session;

import dev.postern.json.Json;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Table;
import dev.postern.storage.SecondaryStorage;
import dev.postern.storage.SecondaryStorageUnavailableException;
import dev.postern.store.DatabaseHooks;
import dev.postern.store.Row;
import dev.postern.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sessions in secondary storage (Redis) with better-auth's key layout, so both can share one Redis:
 * <ul>
 *   <li>{@code <token>}: {@code {"session": <row>, "user": <row>}}, expiring with the session;</li>
 *   <li>{@code active-sessions-<userId>}: {@code [{"token", "expiresAt": <ms>}]} sorted by expiry;</li>
 *   <li>{@code revoked-sessions-before-<userId>}: epoch milliseconds; a session created before it is
 *       revoked even if its key survived (a list entry lost to a concurrent write, a node that missed
 *       the deletion).</li>
 * </ul>
 *
 * <p>Revocations delete from secondary storage first and fail (503) when it is down, before the database
 * copy is touched: a revocation is either complete or reported as failed, never silently half done, and
 * every node reads the same keys, so the next request to any node sees it.
 *
 * <p>With {@code storeSessionInDatabase} the rows are written through to the {@code session} table, which
 * answers when a key is missing and <em>while secondary storage is down</em> (reads and sign-ins keep
 * working; revocations answer 503 until it is back). With {@code preserveSessionInDatabase} the table is an
 * audit log and answers nothing.
 */
final class SecondaryStorageSessions implements SessionStorage {
    private static final Logger LOG = LoggerFactory.getLogger(SecondaryStorageSessions.class);
    private static final String ACTIVE = "active-sessions-";
    private static final String REVOKED_BEFORE = "revoked-sessions-before-";

    private final SecondaryStorage storage;
    private final DatabaseSessions database;
    private final Table sessionTable;
    private final Table userTable;
    private final Clock clock;
    private final boolean storeInDatabase;
    private final boolean databaseFallback;
    private final long revokedMarkerTtl;
    /** Run for sessions that skip the database, whose store would otherwise run them. */
    private final DatabaseHooks hooks;

    SecondaryStorageSessions(SecondaryStorage storage, DatabaseSessions database, Table sessionTable, Table userTable,
                             Clock clock, SessionSettings settings, DatabaseHooks hooks) {
        this.storage = storage;
        this.hooks = hooks;
        this.database = database;
        this.sessionTable = sessionTable;
        this.userTable = userTable;
        this.clock = clock;
        this.storeInDatabase = settings.storeInDatabase();
        this.databaseFallback = settings.storeInDatabase() && !settings.preserveInDatabase();
        this.revokedMarkerTtl = Math.max(settings.expiresIn().toSeconds(), Duration.ofDays(1).toSeconds());
    }

    private SecondaryStorageSessions(SecondaryStorageSessions base, DatabaseSessions database) {
        this.storage = base.storage;
        this.hooks = base.hooks;
        this.database = database;
        this.sessionTable = base.sessionTable;
        this.userTable = base.userTable;
        this.clock = base.clock;
        this.storeInDatabase = base.storeInDatabase;
        this.databaseFallback = base.databaseFallback;
        this.revokedMarkerTtl = base.revokedMarkerTtl;
    }

    @Override
    public SessionStorage in(Store tx) {
        return new SecondaryStorageSessions(this, database.in(tx));
    }

    @Override
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public Session insert(Row user, String ipAddress, String userAgent, Duration lifetime) {
        Map<String, Object> data = SessionStorage.newRow(user, ipAddress, userAgent, now(), lifetime, !storeInDatabase);
        if (!storeInDatabase) {
            Session session = new Session(new Row(hooks.runBefore(CoreSchema.SESSION, DatabaseHooks.Operation.CREATE, data)), user);
            write(session);
            hooks.runAfter(CoreSchema.SESSION, DatabaseHooks.Operation.CREATE, session.session());
            return session;
        }
        Session session = database.insert(data, user);
        try {
            write(session);
        } catch (SecondaryStorageUnavailableException e) {
            // The table holds it and answers for it while secondary storage is down.
            LOG.warn("Secondary storage is unavailable: a new session was stored in the database only");
        }
        return session;
    }

    @Override
    public Optional<Session> findByToken(String token) {
        Optional<String> raw;
        try {
            raw = storage.get(token);
        } catch (SecondaryStorageUnavailableException e) {
            if (databaseFallback) {
                return database.findByToken(token);
            }
            throw e;
        }
        if (raw.isEmpty()) {
            return databaseFallback ? database.findByToken(token) : Optional.empty();
        }
        return parse(raw.get()).filter(session -> !revoked(session));
    }

    @Override
    public Optional<Row> update(String token, Map<String, Object> values) {
        Optional<Row> stored = storeInDatabase ? database.update(token, values) : Optional.empty();
        try {
            Optional<Session> cached = storage.get(token).flatMap(this::parse);
            if (cached.isEmpty()) {
                return databaseFallback ? stored : Optional.empty();
            }
            Map<String, Object> merged = new LinkedHashMap<>(cached.get().session().values());
            merged.putAll(values);
            Row row = new Row(merged);
            write(cached.get().withSession(row));
            return Optional.of(row);
        } catch (SecondaryStorageUnavailableException e) {
            if (databaseFallback) {
                return stored;
            }
            throw e;
        }
    }

    @Override
    public List<Row> listActive(String userId) {
        if (databaseFallback) {
            return database.listActive(userId);
        }
        long revokedBefore = revokedBefore(userId);
        List<Row> sessions = new ArrayList<>();
        for (Reference reference : references(userId)) {
            storage.get(reference.token()).flatMap(this::parse)
                    .filter(session -> !createdBefore(session, revokedBefore))
                    .filter(session -> session.expiresAt().isAfter(now()))
                    .ifPresent(session -> sessions.add(session.session()));
        }
        sessions.sort(Comparator.comparing(row -> row.instant("createdAt"), Comparator.nullsFirst(Comparator.naturalOrder())));
        return sessions;
    }

    @Override
    public void deleteByToken(String token) {
        storage.get(token).flatMap(this::parse).ifPresent(session -> {
            List<Reference> references = references(session.userId());
            references.removeIf(reference -> reference.token().equals(token));
            writeReferences(session.userId(), references);
        });
        storage.delete(token);
        if (storeInDatabase) {
            database.deleteByToken(token);
        }
    }

    @Override
    public void deleteAllOf(String userId) {
        long now = clock.millis();
        storage.set(REVOKED_BEFORE + userId, Long.toString(Math.max(now, revokedBefore(userId))), revokedMarkerTtl);
        for (Reference reference : references(userId)) {
            storage.delete(reference.token());
        }
        storage.delete(ACTIVE + userId);
        if (storeInDatabase) {
            database.deleteAllOf(userId);
        }
    }

    @Override
    public void deleteAllOfExcept(String userId, String keepToken) {
        List<Reference> kept = new ArrayList<>();
        for (Reference reference : references(userId)) {
            if (reference.token().equals(keepToken)) {
                kept.add(reference);
            } else {
                storage.delete(reference.token());
            }
        }
        writeReferences(userId, kept);
        if (storeInDatabase) {
            database.deleteAllOfExcept(userId, keepToken);
        }
    }

    @Override
    public void refreshUser(Row user) {
        for (Reference reference : references(user.id())) {
            storage.get(reference.token()).flatMap(this::parse)
                    .ifPresent(session -> write(session.withUser(user)));
        }
    }

    /** Stores the session under its token and lists it among its user's active sessions. */
    private void write(Session session) {
        long ttl = secondsUntil(session.expiresAt());
        if (ttl <= 0) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("session", session.session().values());
        entry.put("user", session.user().values());
        List<Reference> references = references(session.userId());
        references.removeIf(reference -> reference.token().equals(session.token()));
        references.add(new Reference(session.token(), session.expiresAt().toEpochMilli()));
        writeReferences(session.userId(), references);
        storage.set(session.token(), Json.write(entry), ttl);
    }

    private Optional<Session> parse(String raw) {
        try {
            JsonNode entry = Json.parse(raw);
            JsonNode session = entry.get("session");
            JsonNode user = entry.get("user");
            if (session == null || !session.isObject() || user == null || !user.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new Session(CachedRows.toRow(sessionTable, session), CachedRows.toRow(userTable, user)));
        } catch (JacksonException | IllegalArgumentException e) {
            LOG.warn("Ignoring an unreadable session entry in secondary storage");
            return Optional.empty();
        }
    }

    private boolean revoked(Session session) {
        return createdBefore(session, revokedBefore(session.userId()));
    }

    private static boolean createdBefore(Session session, long revokedBefore) {
        Instant createdAt = session.createdAt();
        return revokedBefore > 0 && createdAt != null && createdAt.toEpochMilli() < revokedBefore;
    }

    private long revokedBefore(String userId) {
        return storage.get(REVOKED_BEFORE + userId).map(value -> {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    /** The user's unexpired session references, without duplicates. */
    private List<Reference> references(String userId) {
        Optional<String> raw = storage.get(ACTIVE + userId);
        List<Reference> references = new ArrayList<>();
        if (raw.isEmpty()) {
            return references;
        }
        long now = clock.millis();
        Set<String> seen = new LinkedHashSet<>();
        try {
            for (JsonNode item : Json.parse(raw.get())) {
                JsonNode token = item.get("token");
                JsonNode expiresAt = item.get("expiresAt");
                if (token != null && token.isString() && expiresAt != null && expiresAt.isNumber()
                        && expiresAt.longValue() > now && seen.add(token.stringValue())) {
                    references.add(new Reference(token.stringValue(), expiresAt.longValue()));
                }
            }
        } catch (JacksonException e) {
            LOG.warn("Ignoring an unreadable active-sessions list in secondary storage");
        }
        return references;
    }

    /** Writes the list sorted by expiry, expiring with its last session; an empty list is deleted. */
    private void writeReferences(String userId, List<Reference> references) {
        references.sort(Comparator.comparingLong(Reference::expiresAt));
        long ttl = references.isEmpty() ? 0 : secondsUntil(Instant.ofEpochMilli(references.getLast().expiresAt()));
        if (ttl <= 0) {
            storage.delete(ACTIVE + userId);
            return;
        }
        List<Map<String, Object>> json = new ArrayList<>();
        for (Reference reference : references) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("token", reference.token());
            item.put("expiresAt", reference.expiresAt());
            json.add(item);
        }
        storage.set(ACTIVE + userId, Json.write(json), ttl);
    }

    private long secondsUntil(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli() - clock.millis(), 1000);
    }

    /** An entry of {@code active-sessions-<userId>}. */
    private record Reference(String token, long expiresAt) {
    }
}
