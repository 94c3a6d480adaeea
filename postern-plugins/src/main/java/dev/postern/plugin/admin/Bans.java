package dev.postern.plugin.admin;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.http.Status;
import dev.postern.session.Session;
import dev.postern.validation.Schemas;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ban-user} and {@code unban-user}. A ban signs the user out everywhere and stores a reason and an
 * optional end ({@code banExpiresIn} seconds, else {@code defaultBanExpiresIn}, else never); while it lasts
 * no session can be created for the user ({@link BanCheck}).
 */
final class Bans {
    private static final Map<String, Object> USER_BODY = ResponseSchemas.object(Map.of("user", ResponseSchemas.USER), "user");

    private final AdminOptions options;
    private final AdminPermissions permissions;

    Bans(AdminOptions options, AdminPermissions permissions) {
        this.options = options;
        this.permissions = permissions;
    }

    Endpoint banUser() {
        return Endpoint.post("/admin/ban-user")
                .name("banUser")
                .body(Schemas.object()
                        .required("userId", Schemas.string())
                        .optional("banReason", Schemas.string())
                        .optional("banExpiresIn", Schemas.number()))
                .summary("Ban a user")
                .tags("Admin")
                .response(USER_BODY)
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS", "USER_NOT_FOUND", "YOU_CANNOT_BAN_YOURSELF")
                .handler(ctx -> {
                    Session session = permissions.require(ctx, "user", "ban", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
                    Postern postern = ctx.postern();
                    String userId = ctx.bodyString("userId").orElseThrow();
                    UserAdministration.existing(postern, userId);
                    if (userId.equals(session.userId())) {
                        throw AdminErrorCodes.YOU_CANNOT_BAN_YOURSELF.toException(Status.BAD_REQUEST);
                    }
                    String reason = ctx.bodyString("banReason").filter(r -> !r.isEmpty())
                            .orElse(options.defaultBanReason() == null || options.defaultBanReason().isEmpty()
                                    ? "No reason" : options.defaultBanReason());
                    var expiresIn = ctx.body().get("banExpiresIn");
                    Duration length = expiresIn != null && expiresIn.isNumber() && expiresIn.doubleValue() != 0
                            ? Duration.ofMillis(Math.round(expiresIn.doubleValue() * 1000))
                            : options.defaultBanExpiresIn();
                    Map<String, Object> ban = new HashMap<>();
                    ban.put("banned", true);
                    ban.put("banReason", reason);
                    ban.put("banExpires", length == null ? null : now(postern).plus(length));
                    var banned = postern.users().update(userId, ban);
                    postern.sessions().revokeAll(userId);
                    return UserAdministration.userBody(postern, banned);
                })
                .build();
    }

    Endpoint unbanUser() {
        return Endpoint.post("/admin/unban-user")
                .name("unbanUser")
                .body(Schemas.object().required("userId", Schemas.string()))
                .summary("Unban a user")
                .tags("Admin")
                .response(USER_BODY)
                .errors("UNAUTHORIZED", "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS", "USER_NOT_FOUND")
                .handler(ctx -> {
                    permissions.require(ctx, "user", "ban", AdminErrorCodes.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
                    String userId = ctx.bodyString("userId").orElseThrow();
                    UserAdministration.existing(ctx.postern(), userId);
                    return UserAdministration.userBody(ctx.postern(), ctx.postern().users().update(userId, lifted()));
                })
                .build();
    }

    /** The values that end a ban. */
    static Map<String, Object> lifted() {
        Map<String, Object> values = new HashMap<>();
        values.put("banned", false);
        values.put("banReason", null);
        values.put("banExpires", null);
        return values;
    }

    private static Instant now(Postern postern) {
        return postern.config().clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
