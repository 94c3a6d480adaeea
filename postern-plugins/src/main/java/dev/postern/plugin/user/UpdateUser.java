package dev.postern.plugin.user;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.endpoint.EndpointContext;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.json.JsValues;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.StoreException;
import dev.postern.store.StoreUnavailableException;
import dev.postern.user.InputFields;
import dev.postern.user.UserErrorCodes;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /update-user}: changes the signed-in user's {@code name}, {@code image} and client-settable
 * additional fields, then re-issues the session cookies so a cookie cache holds the new values. The
 * address cannot be changed here ({@code /change-email} does that, with verification).
 */
final class UpdateUser {
    private static final Logger LOG = LoggerFactory.getLogger(UpdateUser.class);

    Endpoint endpoint() {
        return Endpoint.post("/update-user")
                .name("updateUser")
                .body(Schemas.object()
                        .optional("name", Schemas.string())
                        .optional("image", Schemas.string().orNull())
                        .passthrough())
                .summary("Update the current user")
                .tags("User")
                .response(ResponseSchemas.STATUS)
                .errors("UNAUTHORIZED", "EMAIL_CAN_NOT_BE_UPDATED", "FIELD_NOT_ALLOWED")
                .handler(this::handle)
                .build();
    }

    private Object handle(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().require(ctx);
        ObjectNode body = ctx.body();
        if (JsValues.isTruthy(body.get("email"))) {
            throw UserErrorCodes.EMAIL_CAN_NOT_BE_UPDATED.toException(Status.BAD_REQUEST);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        putIfGiven(body, "name", changes);
        putIfGiven(body, "image", changes);
        changes.putAll(postern.users().inputFields().parse(body, InputFields.Action.UPDATE, false));
        if (changes.isEmpty()) {
            throw ApiException.message(Status.BAD_REQUEST, "No fields to update");
        }
        Row updated;
        try {
            updated = postern.users().update(session.userId(), changes).orElseGet(() -> merged(session.user(), changes));
        } catch (StoreUnavailableException down) {
            throw down;
        } catch (StoreException refused) {
            // A value the column cannot hold (a name longer than MySQL's varchar(255)): the input's fault.
            LOG.warn("Could not update user {}: {}", session.userId(), refused.getMessage());
            throw UserErrorCodes.FAILED_TO_UPDATE_USER.toException(Status.UNPROCESSABLE_ENTITY);
        }
        postern.sessions().setCookies(ctx, session.withUser(updated));
        return Map.of("status", true);
    }

    private static void putIfGiven(ObjectNode body, String field, Map<String, Object> changes) {
        JsonNode value = body.get(field);
        if (value != null) {
            changes.put(field, value.isNull() ? null : value.stringValue());
        }
    }

    /** The session's user with the changes applied, for a user row that vanished meanwhile. */
    private static Row merged(Row user, Map<String, Object> changes) {
        Map<String, Object> values = new LinkedHashMap<>(user.values());
        values.putAll(changes);
        return new Row(values);
    }
}
