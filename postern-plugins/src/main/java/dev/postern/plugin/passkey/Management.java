package dev.postern.plugin.passkey;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.error.ErrorCode;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.validation.Schemas;
import java.util.Map;

/**
 * The signed-in user's passkeys: {@code GET /passkey/list-user-passkeys}, {@code POST /passkey/delete-passkey
 * {id}} and {@code POST /passkey/update-passkey {id, name}}. Ownership is checked as better-auth's
 * {@code requireResourceOwnership} does: 404 {@code PASSKEY_NOT_FOUND} for an unknown id, 401 for another
 * user's passkey (bare on delete, {@code YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY} on update).
 */
final class Management {
    private Management() {
    }

    static Endpoint listEndpoint() {
        return Endpoint.get("/passkey/list-user-passkeys")
                .name("listPasskeys")
                .response(ResponseSchemas.arrayOf(PasskeyResponses.PASSKEY))
                .summary("List all passkeys for the authenticated user")
                .tags("Passkey")
                .noStore()
                .errors("UNAUTHORIZED")
                .handler(Management::list)
                .build();
    }

    static Endpoint deleteEndpoint() {
        return Endpoint.post("/passkey/delete-passkey")
                .name("deletePasskey")
                .response(ResponseSchemas.STATUS)
                .body(Schemas.object().required("id", Schemas.string()))
                .summary("Delete a specific passkey")
                .tags("Passkey")
                .errors("UNAUTHORIZED", "PASSKEY_NOT_FOUND")
                .handler(Management::delete)
                .build();
    }

    static Endpoint updateEndpoint() {
        return Endpoint.post("/passkey/update-passkey")
                .name("updatePasskey")
                .response(PasskeyResponses.UPDATED)
                .body(Schemas.object()
                        .required("id", Schemas.string())
                        .required("name", Schemas.string()))
                .summary("Update a specific passkey's name")
                .tags("Passkey")
                .errors("UNAUTHORIZED", "PASSKEY_NOT_FOUND", "YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY",
                        "FAILED_TO_UPDATE_PASSKEY")
                .handler(Management::update)
                .build();
    }

    private static Object list(EndpointContext ctx) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().require(ctx);
        return Passkeys.ofUser(postern, session.userId()).stream().map(p -> Passkeys.output(postern, p)).toList();
    }

    private static Object delete(EndpointContext ctx) {
        Row passkey = owned(ctx, null);
        ctx.postern().store().delete(PasskeySchema.PASSKEY, Where.eq("id", passkey.id()));
        return Map.of("status", true);
    }

    private static Object update(EndpointContext ctx) {
        // zod's trim().min(1), checked after the schema because trimming is a transformation.
        String name = ctx.bodyString("name").orElseThrow().trim();
        if (name.isEmpty()) {
            throw ApiException.validation("[body.name] Too small: expected string to have >=1 characters");
        }
        Row passkey = owned(ctx, PasskeyErrorCodes.YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY);
        Postern postern = ctx.postern();
        Row updated = postern.store().update(PasskeySchema.PASSKEY, Where.eq("id", passkey.id()), Map.of("name", name))
                .orElseThrow(() -> PasskeyErrorCodes.FAILED_TO_UPDATE_PASSKEY.toException(Status.INTERNAL_SERVER_ERROR));
        return Map.of("passkey", Passkeys.output(postern, updated));
    }

    /** The passkey named by {@code body.id}, when the signed-in user owns it. */
    private static Row owned(EndpointContext ctx, ErrorCode forbidden) {
        Postern postern = ctx.postern();
        Session session = postern.sessions().require(ctx);
        String id = ctx.bodyString("id").orElse("");
        if (id.isEmpty()) {
            throw ApiException.message(Status.BAD_REQUEST, "Missing required parameter: id");
        }
        Row passkey = Passkeys.byId(postern, id)
                .orElseThrow(() -> PasskeyErrorCodes.PASSKEY_NOT_FOUND.toException(Status.NOT_FOUND));
        if (!session.userId().equals(passkey.string("userId"))) {
            throw forbidden == null ? ApiException.bare(Status.UNAUTHORIZED) : forbidden.toException(Status.UNAUTHORIZED);
        }
        return passkey;
    }
}
