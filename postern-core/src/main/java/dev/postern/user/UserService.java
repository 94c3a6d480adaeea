package dev.postern.user;

import dev.postern.schema.CoreSchema;
import dev.postern.schema.Output;
import dev.postern.schema.SchemaModel;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code user} table as every feature sees it ({@code postern.users()}): create, find, update and
 * delete users the way better-auth's internal adapter does. E-mail addresses are stored and looked up
 * lower-case; {@code createdAt}/{@code updatedAt} are written from the instance clock.
 *
 * <p>A service is bound to a store. {@link #in(Store)} gives one bound to a transaction, so several
 * writes commit or roll back together:
 * <pre>{@code
 * store.transaction(tx -> {
 *     Row user = postern.users().in(tx).create(data);
 *     postern.accounts().in(tx).createCredential(user.id(), hash);
 *     return user;
 * });
 * }</pre>
 */
public final class UserService {
    private final SchemaModel schema;
    private final Store store;
    private final Clock clock;
    private final UserSessions sessions;

    public UserService(SchemaModel schema, Store store, Clock clock, UserSessions sessions) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** The same service working inside the transaction of {@code tx}. */
    public UserService in(Store tx) {
        return new UserService(schema, tx, clock, sessions);
    }

    /** The extra user fields a client may set (additional and plugin fields), for endpoints that create or update users. */
    public InputFields inputFields() {
        return InputFields.of(schema, CoreSchema.USER);
    }

    /**
     * Inserts a user. {@code email} is lower-cased; {@code emailVerified} defaults to false and the
     * timestamps to now. A duplicate e-mail surfaces as {@link dev.postern.store.UniqueViolationException}.
     */
    public Row create(Map<String, Object> data) {
        Map<String, Object> values = new LinkedHashMap<>(data);
        Object email = values.get("email");
        if (email instanceof String s) {
            values.put("email", normalizeEmail(s));
        }
        Instant now = now();
        values.putIfAbsent("emailVerified", false);
        values.putIfAbsent("createdAt", now);
        values.putIfAbsent("updatedAt", now);
        return store.create(CoreSchema.USER, values);
    }

    public Optional<Row> findById(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return store.findOne(CoreSchema.USER, Where.eq("id", id));
    }

    /**
     * The user with this address, compared without regard to case. As better-auth does, the row found is
     * checked again after Unicode normalisation, so a database collation that folds more than lower-casing
     * (accents, width) cannot hand back someone else's account.
     */
    public Optional<Row> findByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String normalized = normalizeEmail(email);
        return store.findOne(CoreSchema.USER, Where.eq("email", normalized))
                .filter(row -> row.string("email") != null && comparable(row.string("email")).equals(comparable(email)));
    }

    /** Changes a user and returns the stored row; {@code updatedAt} is set to now, an e-mail lower-cased. */
    public Optional<Row> update(String id, Map<String, Object> changes) {
        Map<String, Object> values = new LinkedHashMap<>(changes);
        if (values.get("email") instanceof String s) {
            values.put("email", normalizeEmail(s));
        }
        values.put("updatedAt", now());
        Optional<Row> updated = store.update(CoreSchema.USER, Where.eq("id", id), values);
        updated.ifPresent(sessions::userChanged);
        return updated;
    }

    /**
     * Deletes a user with everything that hangs off it (sessions, accounts), as better-auth's
     * {@code deleteUser} does; run it in a transaction so a failure leaves the user whole.
     */
    public void delete(String id) {
        deleteSessions(id);
        store.deleteMany(CoreSchema.ACCOUNT, Where.eq("userId", id));
        // Single-row delete, so database hooks on user deletion run.
        store.delete(CoreSchema.USER, Where.eq("id", id));
    }

    /**
     * Signs the user out everywhere. For changes that must revoke sessions together with another write (a
     * password reset, a deletion), inside their transaction: session rows go with the transaction, entries
     * in secondary storage at once ({@link dev.postern.session.SessionService#revokeAll(String, Store)}).
     */
    public void deleteSessions(String userId) {
        sessions.revokeAll(userId, store);
    }

    /** The user as a response object: fields declared {@code returned:false} left out. */
    public Map<String, Object> output(Row user) {
        return Output.of(schema, CoreSchema.USER, user);
    }

    /** E-mail addresses are stored lower-case, as better-auth stores them. */
    public static String normalizeEmail(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static String comparable(String email) {
        return Normalizer.normalize(email, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
