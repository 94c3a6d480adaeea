package dev.postern.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live and when they are extended, with better-auth's {@code session.*} defaults.
 * Build one with {@link #builder()} or start from {@link #defaults()}.
 *
 * @param expiresIn lifetime of a remembered session, and the {@code session_token} cookie's
 *     {@code Max-Age} (default 7 days)
 * @param updateAge how old a session must be since its last extension before a read extends it again;
 *     {@code ZERO} extends on every read (default 1 day)
 * @param freshAge how recently a session must have been created for actions guarded by
 *     {@link SessionService#requireFresh}; {@code ZERO} disables the check (default 1 day)
 * @param disableRefresh never extend sessions ({@code disableSessionRefresh})
 * @param deferRefresh {@code GET /get-session} only reports {@code needsRefresh}, and the client
 *     extends with {@code POST /get-session} ({@code deferSessionRefresh}), for read-only replicas
 * @param cookieCache the {@code session_data} cookie cache
 * @param storeInDatabase with secondary storage configured, also write sessions to the {@code session} table
 *     ({@code storeSessionInDatabase}); reads prefer secondary storage and fall back to the table when
 *     the key is missing or secondary storage is down. Ignored without secondary storage.
 * @param preserveInDatabase with {@code storeInDatabase}, a revoked session's row is kept with
 *     {@code expiresAt = now} for auditing instead of being deleted ({@code preserveSessionInDatabase});
 *     the table then serves no reads
 */
public record SessionSettings(Duration expiresIn, Duration updateAge, Duration freshAge,
                              boolean disableRefresh, boolean deferRefresh, CookieCacheSettings cookieCache,
                              boolean storeInDatabase, boolean preserveInDatabase) {
    /** better-auth's session lifetime: 7 days. */
    public static final Duration DEFAULT_EXPIRES_IN = Duration.ofDays(7);
    public static final Duration DEFAULT_UPDATE_AGE = Duration.ofDays(1);
    public static final Duration DEFAULT_FRESH_AGE = Duration.ofDays(1);
    /** The lifetime of a session created with "remember me" off, fixed at one day in better-auth. */
    public static final Duration NOT_REMEMBERED_EXPIRES_IN = Duration.ofDays(1);
    /** Browsers cap cookie lifetimes at 400 days, and better-call refuses longer ones. */
    private static final Duration MAX_COOKIE_AGE = Duration.ofDays(400);

    public SessionSettings {
        requireNonNegative(expiresIn, "session.expiresIn");
        requireNonNegative(updateAge, "session.updateAge");
        requireNonNegative(freshAge, "session.freshAge");
        Objects.requireNonNull(cookieCache, "session.cookieCache");
        if (expiresIn.isZero() || expiresIn.compareTo(MAX_COOKIE_AGE) > 0) {
            throw new IllegalArgumentException("session.expiresIn: between 1 second and 400 days, was " + expiresIn);
        }
    }

    public static SessionSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change a few of them. */
    public Builder toBuilder() {
        return new Builder().expiresIn(expiresIn).updateAge(updateAge).freshAge(freshAge)
                .disableRefresh(disableRefresh).deferRefresh(deferRefresh).cookieCache(cookieCache)
                .storeInDatabase(storeInDatabase).preserveInDatabase(preserveInDatabase);
    }

    private static void requireNonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + ": must not be negative, was " + value);
        }
    }

    /** Collects session settings; every one starts at better-auth's default. */
    public static final class Builder {
        private Duration expiresIn = DEFAULT_EXPIRES_IN;
        private Duration updateAge = DEFAULT_UPDATE_AGE;
        private Duration freshAge = DEFAULT_FRESH_AGE;
        private boolean disableRefresh;
        private boolean deferRefresh;
        private CookieCacheSettings cookieCache = CookieCacheSettings.disabled();
        private boolean storeInDatabase;
        private boolean preserveInDatabase;

        private Builder() {
        }

        public Builder expiresIn(Duration value) {
            this.expiresIn = value;
            return this;
        }

        public Builder updateAge(Duration value) {
            this.updateAge = value;
            return this;
        }

        public Builder freshAge(Duration value) {
            this.freshAge = value;
            return this;
        }

        public Builder disableRefresh(boolean value) {
            this.disableRefresh = value;
            return this;
        }

        public Builder deferRefresh(boolean value) {
            this.deferRefresh = value;
            return this;
        }

        public Builder cookieCache(CookieCacheSettings value) {
            this.cookieCache = value;
            return this;
        }

        public Builder storeInDatabase(boolean value) {
            this.storeInDatabase = value;
            return this;
        }

        public Builder preserveInDatabase(boolean value) {
            this.preserveInDatabase = value;
            return this;
        }

        public SessionSettings build() {
            return new SessionSettings(expiresIn, updateAge, freshAge, disableRefresh, deferRefresh, cookieCache,
                    storeInDatabase, preserveInDatabase);
        }
    }
}
