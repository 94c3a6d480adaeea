package dev.postern.plugin.anonymous;

import dev.postern.Postern;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.session.Session;
import dev.postern.session.SessionLookup;
import java.util.Optional;

/** Reading and removing anonymous users, shared by the endpoints and the linking hooks. */
final class AnonymousUsers {
    static final String IS_ANONYMOUS = "isAnonymous";
    /** Never extend a session just to find out whether it is anonymous, as better-auth reads it. */
    private static final SessionLookup.Options NO_REFRESH = new SessionLookup.Options(false, true, false);

    private AnonymousUsers() {
    }

    /** The request's session when its user is anonymous. */
    static Optional<Session> anonymousSession(EndpointContext ctx) {
        try {
            return ctx.postern().sessions().lookup(ctx, NO_REFRESH).session().filter(AnonymousUsers::isAnonymous);
        } catch (ApiException unreadable) {
            return Optional.empty();
        }
    }

    static boolean isAnonymous(Session session) {
        return Boolean.TRUE.equals(session.user().bool(IS_ANONYMOUS));
    }

    /** Signs the user out everywhere and deletes it with its accounts, in one transaction. */
    static void delete(Postern postern, String userId) {
        postern.sessions().revokeAll(userId);
        postern.store().transaction(tx -> {
            postern.users().in(tx).delete(userId);
            return null;
        });
    }
}
