package dev.postern.user;

import dev.postern.store.Row;
import dev.postern.store.Store;

/**
 * What {@link UserService} must tell the sessions of a user when the user changes: implemented by
 * {@link dev.postern.session.SessionService} and wired by {@link dev.postern.Postern}. It keeps every path
 * that deletes a user or signs them out everywhere revoking in secondary storage (Redis) as well, without
 * each caller having to remember it.
 */
public interface UserSessions {
    /** Revokes every session of the user; the database part runs on {@code tx}. */
    void revokeAll(String userId, Store tx);

    /** The user row changed (it is the stored row): copies of it kept with sessions are rewritten. */
    void userChanged(Row user);
}
