package dev.postern.user;

import dev.postern.http.Status;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Output;
import dev.postern.schema.SchemaModel;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Store;
import dev.postern.store.Where;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code account} table ({@code postern.accounts()}): the ways a user can sign in. A password lives
 * in the user's <em>credential account</em>, as better-auth keeps it: {@code providerId "credential"},
 * {@code accountId} equal to the user id, the hash in {@code password}. Social and other providers add
 * rows of their own.
 *
 * <p>Bound to a store like {@link UserService}; {@link #in(Store)} binds it to a transaction.
 */
public final class AccountService {
    /** The provider id of password accounts. */
    public static final String CREDENTIAL = "credential";

    private final SchemaModel schema;
    private final Store store;
    private final Clock clock;

    public AccountService(SchemaModel schema, Store store, Clock clock) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AccountService in(Store tx) {
        return new AccountService(schema, tx, clock);
    }

    /** Every account of a user. */
    public List<Row> listFor(String userId) {
        return store.findMany(CoreSchema.ACCOUNT, Query.where(Where.eq("userId", userId)));
    }

    /** The user's password account, if there is one (it may still hold no password). */
    public Optional<Row> credentialOf(String userId) {
        return store.findOne(CoreSchema.ACCOUNT, credentialWhere(userId));
    }

    /** Links a new account to a user; {@code data} holds {@code userId}, {@code providerId}, {@code accountId} and more. */
    public Row create(Map<String, Object> data) {
        Map<String, Object> values = new LinkedHashMap<>(data);
        Instant now = now();
        values.putIfAbsent("createdAt", now);
        values.putIfAbsent("updatedAt", now);
        return store.create(CoreSchema.ACCOUNT, values);
    }

    /** Creates the user's password account holding {@code passwordHash}. */
    public Row createCredential(String userId, String passwordHash) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("userId", userId);
        values.put("providerId", CREDENTIAL);
        values.put("accountId", userId);
        values.put("password", passwordHash);
        return create(values);
    }

    /**
     * Stores a new password hash: in the existing credential account, or in a new one when the user has
     * none (a social-only user resetting a password), as better-auth's password reset does.
     */
    public void setPassword(String userId, String passwordHash) {
        Map<String, Object> changes = Map.of("password", passwordHash, "updatedAt", now());
        if (store.update(CoreSchema.ACCOUNT, credentialWhere(userId), changes).isEmpty()) {
            createCredential(userId, passwordHash);
        }
    }

    /**
     * Removes one of the user's accounts, identified by the account row's {@code id}, by better-auth's rules:
     * the last account stays unless {@code allowUnlinkingAll} (400 {@code FAILED_TO_UNLINK_LAST_ACCOUNT}), and
     * an id that is not one of the user's accounts is 400 {@code ACCOUNT_NOT_FOUND}.
     */
    public void unlink(String userId, String accountRowId, boolean allowUnlinkingAll) {
        List<Row> accounts = listFor(userId);
        if (accounts.size() == 1 && !allowUnlinkingAll) {
            throw UserErrorCodes.FAILED_TO_UNLINK_LAST_ACCOUNT.toException(Status.BAD_REQUEST);
        }
        Row account = accounts.stream().filter(a -> a.id().equals(accountRowId)).findFirst()
                .orElseThrow(() -> UserErrorCodes.ACCOUNT_NOT_FOUND.toException(Status.BAD_REQUEST));
        store.delete(CoreSchema.ACCOUNT, Where.eq("id", account.id()));
    }

    /**
     * An account as {@code /list-accounts} shows it: no tokens, no password, and the comma-separated
     * {@code scope} column as a {@code scopes} array.
     */
    public Map<String, Object> output(Row account) {
        Map<String, Object> out = Output.of(schema, CoreSchema.ACCOUNT, account);
        for (String secret : List.of("accessToken", "refreshToken", "idToken", "accessTokenExpiresAt",
                "refreshTokenExpiresAt", "password")) {
            out.remove(secret);
        }
        Object scope = out.remove("scope");
        out.put("scopes", scopes(scope == null ? null : scope.toString()));
        return out;
    }

    private static List<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return Arrays.stream(scope.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Where credentialWhere(String userId) {
        return Where.eq("userId", userId).andEq("providerId", CREDENTIAL).andEq("accountId", userId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
