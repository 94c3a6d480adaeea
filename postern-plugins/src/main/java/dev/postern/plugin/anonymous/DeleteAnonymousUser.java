package dev.postern.plugin.anonymous;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.session.Session;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /delete-anonymous-user}: an anonymous user deletes itself (sessions, accounts, user) and
 * its session cookies are expired. Read from the database, never the cookie cache, as better-auth's
 * sensitive-session guard does.
 */
final class DeleteAnonymousUser {
    private static final Logger LOG = LoggerFactory.getLogger(DeleteAnonymousUser.class);

    private final AnonymousOptions options;

    DeleteAnonymousUser(AnonymousOptions options) {
        this.options = options;
    }

    Endpoint endpoint() {
        return Endpoint.post("/delete-anonymous-user")
                .name("deleteAnonymousUser")
                .summary("Delete an anonymous user")
                .tags("Anonymous")
                .response(ResponseSchemas.object(Map.of("success", ResponseSchemas.bool()), "success"))
                .errors("UNAUTHORIZED", "DELETE_ANONYMOUS_USER_DISABLED", "USER_IS_NOT_ANONYMOUS",
                        "FAILED_TO_DELETE_ANONYMOUS_USER")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        Session session = ctx.postern().sessions().requireSensitive(ctx);
        if (options.disableDeleteAnonymousUser()) {
            throw AnonymousErrorCodes.DELETE_ANONYMOUS_USER_DISABLED.toException(Status.BAD_REQUEST);
        }
        if (!AnonymousUsers.isAnonymous(session)) {
            throw AnonymousErrorCodes.USER_IS_NOT_ANONYMOUS.toException(Status.FORBIDDEN);
        }
        try {
            AnonymousUsers.delete(ctx.postern(), session.userId());
        } catch (dev.postern.store.StoreUnavailableException down) {
            throw down;
        } catch (RuntimeException failed) {
            LOG.error("Failed to delete anonymous user", failed);
            throw AnonymousErrorCodes.FAILED_TO_DELETE_ANONYMOUS_USER.toException(Status.INTERNAL_SERVER_ERROR);
        }
        ctx.postern().sessions().clearCookies(ctx);
        return Map.of("success", true);
    }
}
