package dev.postern.plugin.admin;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.plugin.emailpassword.PasswordRules;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.session.Session;
import dev.postern.store.Row;
import dev.postern.user.InputFields;
import dev.postern.user.UserErrorCodes;
import dev.postern.user.UserService;
import dev.postern.validation.EmailAddresses;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin's hold on user records: {@code create-user}, {@code get-user}, {@code update-user},
 * {@code set-role}, {@code set-user-password} and {@code remove-user}, each refused with better-auth's
 * code to a caller whose roles do not grant it.
 */
final class UserAdministration {
    private static final Map<String, Object> USER_BODY =
            ResponseSchemas.object(Map.of("user", ResponseSchemas.USER), "user");

    private final AdminOptions options;
    private final AdminPermissions permissions;

    UserAdministration(AdminOptions options, AdminPermissions permissions) {
        this.options = options;
        this.permissions = permissions;
    }

    Endpoint createUser() {
        return Endpoint.post("/admin/create-user")
                .name("createUser")
                .body(Schemas.object()
                        .required("email", Schemas.string())
                        .optional("password", Schemas.string())
                        .required("name", Schemas.string())
                        .optional("role", Schemas.any())
                        .optional("data", Schemas.record()))
                .summary("Create a new user")
                .tags("Admin")
                .response(USER_BODY)
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS", "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE",
                        "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS", "INVALID_ROLE_TYPE", "INVALID_EMAIL", "PASSWORD_TOO_LONG",
                        "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL")
                .handler(this::create)
                .build();
    }

    Endpoint getUser() {
        return Endpoint.get("/admin/get-user")
                .name("getUser")
                .query(Schemas.object().required("id", Schemas.string()))
                .summary("Get an existing user")
                .tags("Admin")
                .response(ResponseSchemas.USER)
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_GET_USER", "USER_NOT_FOUND")
                .handler(ctx -> {
                    permissions.require(ctx, "user", "get", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_GET_USER);
                    return ctx.postern().users().output(existing(ctx.postern(), ctx.queryString("id").orElseThrow()));
                })
                .build();
    }

    Endpoint updateUser() {
        return Endpoint.post("/admin/update-user")
                .name("adminUpdateUser")
                .body(Schemas.object().required("userId", Schemas.string()).required("data", Schemas.record()))
                .summary("Update a user")
                .tags("Admin")
                .response(ResponseSchemas.USER)
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS", "NO_DATA_TO_UPDATE",
                        "PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER", "USER_ID_CANNOT_BE_UPDATED",
                        "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE", "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS",
                        "YOU_CANNOT_BAN_YOURSELF", "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL", "INVALID_EMAIL",
                        "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL", "USER_NOT_FOUND")
                .handler(this::update)
                .build();
    }

    Endpoint setRole() {
        return Endpoint.post("/admin/set-role")
                .name("setRole")
                .body(Schemas.object().required("userId", Schemas.string()).required("role", Schemas.any()))
                .summary("Set the role of a user")
                .tags("Admin")
                .response(USER_BODY)
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE",
                        "YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE", "INVALID_ROLE_TYPE", "USER_NOT_FOUND")
                .handler(ctx -> {
                    permissions.require(ctx, "user", "set-role", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
                    String role = RoleInput.column(ctx.body().get("role"), options);
                    String userId = ctx.bodyString("userId").orElseThrow();
                    existing(ctx.postern(), userId);
                    return userBody(ctx.postern(), ctx.postern().users().update(userId, Map.of("role", role)));
                })
                .build();
    }

    Endpoint setUserPassword() {
        return Endpoint.post("/admin/set-user-password")
                .name("setUserPassword")
                .body(Schemas.object()
                        .required("newPassword", Schemas.string().nonEmpty())
                        .required("userId", Schemas.string().nonEmpty()))
                .summary("Set a user's password")
                .tags("Admin")
                .response(ResponseSchemas.STATUS)
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD", "PASSWORD_TOO_SHORT",
                        "PASSWORD_TOO_LONG", "USER_NOT_FOUND")
                .handler(this::setPassword)
                .build();
    }

    Endpoint removeUser() {
        return Endpoint.post("/admin/remove-user")
                .name("removeUser")
                .body(Schemas.object().required("userId", Schemas.string()))
                .summary("Remove a user")
                .description("Delete a user and all their sessions and accounts. Cannot be undone.")
                .tags("Admin")
                .response(ResponseSchemas.object(Map.of("success", ResponseSchemas.bool()), "success"))
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS", "YOU_CANNOT_REMOVE_YOURSELF",
                        "USER_NOT_FOUND")
                .handler(ctx -> {
                    Session session = permissions.require(ctx, "user", "delete",
                            AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS);
                    String userId = ctx.bodyString("userId").orElseThrow();
                    if (userId.equals(session.userId())) {
                        throw AdminErrorCodes.YOU_CANNOT_REMOVE_YOURSELF.toException(Status.BAD_REQUEST);
                    }
                    Postern postern = ctx.postern();
                    existing(postern, userId);
                    postern.store().transaction(tx -> {
                        postern.users().in(tx).delete(userId);
                        return null;
                    });
                    return Map.of("success", true);
                })
                .build();
    }

    private Object create(EndpointContext ctx) {
        Postern postern = ctx.postern();
        // As better-auth: over HTTP a session is required; a server-side call without one may create users.
        Optional<Session> session = ctx.isHttp()
                ? Optional.of(postern.sessions().requireSensitive(ctx))
                : postern.sessions().current(ctx);
        session.ifPresent(s -> permissions.check(s, "user", "create", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS));
        ObjectNode body = ctx.body();
        ObjectNode data = body.get("data") instanceof ObjectNode given ? given : dev.postern.json.Json.object();
        JsonNode requestedRole = body.hasNonNull("role") ? body.get("role") : data.get("role");
        String role = null;
        if (requestedRole != null && !requestedRole.isMissingNode()) {
            session.ifPresent(s -> permissions.check(s, "user", "set-role",
                    AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE));
            role = RoleInput.column(requestedRole, options);
        }
        if (UserData.BAN_FIELDS.stream().anyMatch(data::has)) {
            session.ifPresent(s -> permissions.check(s, "user", "ban", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS));
        }
        String email = UserService.normalizeEmail(ctx.bodyString("email").orElseThrow());
        if (!EmailAddresses.isValid(email)) {
            throw UserErrorCodes.INVALID_EMAIL.toException(Status.BAD_REQUEST);
        }
        Optional<String> password = ctx.bodyString("password").filter(p -> !p.isEmpty());
        password.ifPresent(p -> passwordRules(postern).requireNotTooLong(p));
        Map<String, Object> values = new LinkedHashMap<>(UserData.read(postern, data, InputFields.Action.CREATE));
        if (postern.users().findByEmail(email).isPresent()) {
            throw AdminErrorCodes.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL.toException(Status.BAD_REQUEST);
        }
        values.put("email", email);
        values.put("name", ctx.bodyString("name").orElseThrow());
        values.put("role", role != null ? role : options.defaultRole());
        Optional<String> hash = password.map(p -> UserPlugin.passwords(postern).hash(p));
        Row user = postern.store().transaction(tx -> {
            Row created = postern.users().in(tx).create(values);
            hash.ifPresent(h -> postern.accounts().in(tx).createCredential(created.id(), h));
            return created;
        });
        return userBody(postern, Optional.of(user));
    }

    private Object update(EndpointContext ctx) {
        Session session = permissions.require(ctx, "user", "update", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS);
        Postern postern = ctx.postern();
        String userId = ctx.bodyString("userId").orElseThrow();
        ObjectNode data = (ObjectNode) ctx.body().get("data");
        if (data.isEmpty()) {
            throw AdminErrorCodes.NO_DATA_TO_UPDATE.toException(Status.BAD_REQUEST);
        }
        if (data.has("password")) {
            throw AdminErrorCodes.PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER.toException(Status.BAD_REQUEST);
        }
        if (data.has("id")) {
            throw AdminErrorCodes.USER_ID_CANNOT_BE_UPDATED.toException(Status.BAD_REQUEST);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        if (data.has("role")) {
            permissions.check(session, "user", "set-role", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
            changes.put("role", RoleInput.column(data.get("role"), options));
        }
        boolean banning = data.has("banned") && data.get("banned").isBoolean() && data.get("banned").booleanValue();
        if (UserData.BAN_FIELDS.stream().anyMatch(data::has)) {
            permissions.check(session, "user", "ban", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
            if (banning && userId.equals(session.userId())) {
                throw AdminErrorCodes.YOU_CANNOT_BAN_YOURSELF.toException(Status.BAD_REQUEST);
            }
        }
        if (data.has("email") || data.has("emailVerified")) {
            permissions.check(session, "user", "set-email", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL);
            if (data.has("email")) {
                changes.put("email", newEmail(postern, data.get("email"), userId));
            }
        }
        if (data.has("phoneNumber") || data.has("phoneNumberVerified")) {
            permissions.check(session, "user", "set-phone", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PHONE_NUMBER);
        }
        changes.putAll(UserData.read(postern, data, InputFields.Action.UPDATE));
        existing(postern, userId);
        Row updated = postern.users().update(userId, changes)
                .orElseThrow(() -> UserErrorCodes.USER_NOT_FOUND.toException(Status.NOT_FOUND));
        if (banning) {
            postern.sessions().revokeAll(userId);
        }
        return postern.users().output(updated);
    }

    private static String newEmail(Postern postern, JsonNode value, String userId) {
        String email = UserService.normalizeEmail(value.isString() ? value.stringValue() : value.toString());
        if (!EmailAddresses.isValid(email)) {
            throw UserErrorCodes.INVALID_EMAIL.toException(Status.BAD_REQUEST);
        }
        boolean takenByOther = postern.users().findByEmail(email).filter(other -> !other.id().equals(userId)).isPresent();
        if (takenByOther) {
            throw AdminErrorCodes.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL.toException(Status.BAD_REQUEST);
        }
        return email;
    }

    private Object setPassword(EndpointContext ctx) {
        permissions.require(ctx, "user", "set-password", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD);
        Postern postern = ctx.postern();
        String newPassword = ctx.bodyString("newPassword").orElseThrow();
        passwordRules(postern).requireAcceptable(newPassword);
        Row user = existing(postern, ctx.bodyString("userId").orElseThrow());
        String hash = UserPlugin.passwords(postern).hash(newPassword);
        if (postern.accounts().credentialOf(user.id()).isPresent()) {
            postern.accounts().setPassword(user.id(), hash);
        } else {
            postern.accounts().createCredential(user.id(), hash);
        }
        return Map.of("status", true);
    }

    private static PasswordRules passwordRules(Postern postern) {
        return UserPlugin.passwordRules(postern);
    }

    /** The user with this id, or 404 {@code USER_NOT_FOUND}. */
    static Row existing(Postern postern, String userId) {
        return postern.users().findById(userId)
                .orElseThrow(() -> UserErrorCodes.USER_NOT_FOUND.toException(Status.NOT_FOUND));
    }

    static Map<String, Object> userBody(Postern postern, Optional<Row> user) {
        Row row = user.orElseThrow(() -> UserErrorCodes.USER_NOT_FOUND.toException(Status.NOT_FOUND));
        return Map.of("user", postern.users().output(row));
    }
}
