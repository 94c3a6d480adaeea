package dev.postern.session;

import dev.postern.store.Row;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in user's session: the {@code session} row and its {@code user} row, as stored (or, when it
 * came from the cookie cache, as cached: without the fields that are never returned to clients).
 */
public record Session(Row session, Row user) {
    public Session {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
    }

    /** The session token: what the signed {@code session_token} cookie carries. */
    public String token() {
        return session.string("token");
    }

    public String userId() {
        return user.id();
    }

    public Instant expiresAt() {
        return session.instant("expiresAt");
    }

    public Instant createdAt() {
        return session.instant("createdAt");
    }

    /** The same session with another user row, e.g. after the user was updated. */
    public Session withUser(Row newUser) {
        return new Session(session, newUser);
    }

    /** The same user with another session row, e.g. after the session was extended. */
    public Session withSession(Row newSession) {
        return new Session(newSession, user);
    }
}
