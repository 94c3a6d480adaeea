package dev.postern.plugin.admin;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.schema.SchemaContribution;
import dev.postern.store.DatabaseHooks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * better-auth's {@code admin} plugin (wire reference §12 "admin"): user management for admins under
 * {@code /admin/*} (create, list, get, update, roles, passwords, removal, bans, sessions, impersonation,
 * permission checks), with {@code user.role}, {@code user.banned}, {@code user.banReason},
 * {@code user.banExpires} and {@code session.impersonatedBy}. Who may do what comes from roles
 * ({@link dev.postern.plugin.access.AdminAccess} by default).
 *
 * <pre>{@code
 * new AdminPlugin(AdminOptions.builder()
 *         .roles(Map.of("admin", AdminAccess.ADMIN, "user", AdminAccess.USER,
 *                 "support", AdminAccess.STATEMENTS.newRole(Map.of("user", List.of("list", "get")))))
 *         .adminEmails(List.of("ops@example.com"))
 *         .build())
 * }</pre>
 */
public final class AdminPlugin implements Plugin {
    public static final String ID = "admin";

    private final AdminOptions options;
    private final AdminPermissions permissions;
    private final AtomicReference<Postern> postern = new AtomicReference<>();

    public AdminPlugin() {
        this(AdminOptions.defaults());
    }

    public AdminPlugin(AdminOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.permissions = new AdminPermissions(options);
    }

    @Override
    public String id() {
        return ID;
    }

    public AdminOptions options() {
        return options;
    }

    @Override
    public List<Endpoint> endpoints() {
        UserAdministration users = new UserAdministration(options, permissions);
        SessionAdministration sessions = new SessionAdministration(permissions);
        Bans bans = new Bans(options, permissions);
        Impersonation impersonation = new Impersonation(options, permissions);
        return List.of(users.setRole(), users.getUser(), users.createUser(), users.updateUser(),
                new UserListing(permissions).endpoint(), sessions.listUserSessions(), bans.unbanUser(), bans.banUser(),
                impersonation.impersonateUser(), impersonation.stopImpersonating(), sessions.revokeUserSession(),
                sessions.revokeUserSessions(), users.removeUser(), users.setUserPassword(),
                new HasPermission(permissions).endpoint());
    }

    /** Impersonation sessions stay out of the impersonated user's {@code /list-sessions}, as in better-auth. */
    @Override
    public List<Hook> afterHooks() {
        return List.of(Hook.onPaths(Set.of("/list-sessions"), ctx -> ctx.returned() instanceof List<?> list
                ? list.stream().filter(s -> !(s instanceof Map<?, ?> m && isSet(m.get(Impersonation.IMPERSONATED_BY)))).toList()
                : null));
    }

    private static boolean isSet(Object value) {
        return value != null && !(value instanceof String s && s.isEmpty());
    }

    @Override
    public SchemaContribution schema() {
        return new SchemaContribution(List.of(), Map.of(
                CoreSchema.USER, List.of(
                        Field.of("role", FieldType.STRING).optional().noInput().build(),
                        Field.of("banned", FieldType.BOOLEAN).optional().noInput().defaultValue(false).build(),
                        Field.of("banReason", FieldType.STRING).optional().noInput().build(),
                        Field.of("banExpires", FieldType.DATE).optional().noInput().build()),
                CoreSchema.SESSION, List.of(
                        Field.of(Impersonation.IMPERSONATED_BY, FieldType.STRING).optional().noInput().build())));
    }

    /**
     * New users get {@code defaultRole} (or the first admin role, for an address in {@code adminEmails})
     * unless the writer chose one; sessions are refused to banned users ({@link BanCheck}).
     */
    @Override
    public DatabaseHooks databaseHooks() {
        return DatabaseHooks.create()
                .beforeCreate(CoreSchema.USER, this::withRole)
                .beforeCreate(CoreSchema.SESSION, new BanCheck(options, postern::get));
    }

    private Map<String, Object> withRole(Map<String, Object> user) {
        if (user.get("role") == null) {
            Object email = user.get("email");
            boolean bootstrapAdmin = email instanceof String s
                    && options.adminEmails().contains(s.toLowerCase(java.util.Locale.ROOT));
            user.put("role", bootstrapAdmin ? bootstrapRole() : options.defaultRole());
        }
        return user;
    }

    private String bootstrapRole() {
        return options.adminRoles().isEmpty() ? "admin" : options.adminRoles().get(0);
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return AdminErrorCodes.all();
    }

    @Override
    public void init(Postern instance) {
        postern.set(instance);
    }
}
