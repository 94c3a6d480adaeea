package dev.postern.session;

import java.util.Objects;
import java.util.Optional;

/**
 * What reading the session of a request found: the session, if any, and, when refreshes are deferred
 * ({@link SessionSettings#deferRefresh()}) and this read did not refresh, whether the client should ask
 * for one ({@code needsRefresh} in {@code GET /get-session}).
 */
public record SessionLookup(Optional<Session> session, Optional<Boolean> needsRefresh) {
    private static final SessionLookup NONE = new SessionLookup(Optional.empty(), Optional.empty());

    public SessionLookup {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(needsRefresh, "needsRefresh");
    }

    public static SessionLookup none() {
        return NONE;
    }

    public static SessionLookup found(Session session) {
        return new SessionLookup(Optional.of(session), Optional.empty());
    }

    /**
     * How to read: {@code get-session}'s query flags, and whether this request is the client's explicit
     * refresh ({@code POST /get-session} under {@code deferRefresh}).
     *
     * @param disableCookieCache ignore {@code session_data} and read the database
     * @param disableRefresh never extend the session on this read
     * @param explicitRefresh the client asks to extend now (deferred refresh); otherwise, with
     *     {@code deferRefresh} on, reads never write to the database
     */
    public record Options(boolean disableCookieCache, boolean disableRefresh, boolean explicitRefresh) {
        public static final Options DEFAULT = new Options(false, false, false);
        /** The authoritative read of sensitive actions: never trusts the cookie cache. */
        public static final Options AUTHORITATIVE = new Options(true, false, false);
    }
}
