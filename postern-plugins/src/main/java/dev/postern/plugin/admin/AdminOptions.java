package dev.postern.plugin.admin;

import dev.postern.plugin.access.AdminAccess;
import dev.postern.plugin.access.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Options of the {@code admin} plugin, named as better-auth's {@code admin({...})} names them.
 *
 * @param defaultRole role written on every new user ({@code "user"})
 * @param adminRoles roles whose holders count as admins when impersonation is checked ({@code ["admin"]})
 * @param adminUserIds users allowed everything whatever their role
 * @param roles the roles permissions are checked against, or null for better-auth's {@code admin} and
 *     {@code user}; when set, {@code set-role} and {@code create-user} refuse role names it does not hold
 * @param bannedUserMessage message of the 403 {@code BANNED_USER} a banned user gets on sign-in
 * @param defaultBanReason reason stored when {@code ban-user} gives none (then {@code "No reason"})
 * @param defaultBanExpiresIn ban length when {@code ban-user} gives none; null bans for good
 * @param impersonationSessionDuration lifetime of an impersonation session (one hour)
 * @param allowImpersonatingAdmins let any impersonator impersonate admins, not only those granted
 *     {@code user: [impersonate-admins]}
 * @param adminEmails addresses whose users get the first of {@code adminRoles} when they are created
 *     (Postern's bootstrap, {@code POSTERN_ADMIN_EMAILS}); compared lower-case
 */
public record AdminOptions(
        String defaultRole,
        List<String> adminRoles,
        List<String> adminUserIds,
        Map<String, Role> roles,
        String bannedUserMessage,
        String defaultBanReason,
        Duration defaultBanExpiresIn,
        Duration impersonationSessionDuration,
        boolean allowImpersonatingAdmins,
        List<String> adminEmails) {

    public static final String DEFAULT_BANNED_USER_MESSAGE =
            "You have been banned from this application. Please contact support if you believe this is an error.";

    public AdminOptions {
        Objects.requireNonNull(defaultRole, "defaultRole");
        adminRoles = List.copyOf(adminRoles);
        adminUserIds = List.copyOf(adminUserIds);
        roles = roles == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        Objects.requireNonNull(bannedUserMessage, "bannedUserMessage");
        Objects.requireNonNull(impersonationSessionDuration, "impersonationSessionDuration");
        adminEmails = adminEmails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).toList();
        List<String> known = (roles == null ? AdminAccess.defaultRoles() : roles).keySet().stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).toList();
        List<String> invalid = adminRoles.stream().filter(r -> !known.contains(r.toLowerCase(Locale.ROOT))).toList();
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("Invalid admin roles: " + String.join(", ", invalid)
                    + ". Admin roles must be defined in the 'roles' configuration.");
        }
    }

    public static AdminOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The roles checks run against: the configured ones, else better-auth's {@code admin} and {@code user}. */
    public Map<String, Role> effectiveRoles() {
        return roles == null ? AdminAccess.defaultRoles() : roles;
    }

    /** Builder; everything is optional. */
    public static final class Builder {
        private String defaultRole = "user";
        private List<String> adminRoles = List.of("admin");
        private List<String> adminUserIds = List.of();
        private Map<String, Role> roles;
        private String bannedUserMessage = DEFAULT_BANNED_USER_MESSAGE;
        private String defaultBanReason;
        private Duration defaultBanExpiresIn;
        private Duration impersonationSessionDuration = Duration.ofHours(1);
        private boolean allowImpersonatingAdmins;
        private List<String> adminEmails = new ArrayList<>();

        private Builder() {
        }

        public Builder defaultRole(String value) {
            this.defaultRole = value;
            return this;
        }

        public Builder adminRoles(List<String> value) {
            this.adminRoles = value;
            return this;
        }

        public Builder adminUserIds(List<String> value) {
            this.adminUserIds = value;
            return this;
        }

        /** Replaces better-auth's default roles, as {@code admin({roles})} does; include {@code admin} to keep it. */
        public Builder roles(Map<String, Role> value) {
            this.roles = value;
            return this;
        }

        public Builder bannedUserMessage(String value) {
            this.bannedUserMessage = value;
            return this;
        }

        public Builder defaultBanReason(String value) {
            this.defaultBanReason = value;
            return this;
        }

        public Builder defaultBanExpiresIn(Duration value) {
            this.defaultBanExpiresIn = value;
            return this;
        }

        public Builder impersonationSessionDuration(Duration value) {
            this.impersonationSessionDuration = value;
            return this;
        }

        public Builder allowImpersonatingAdmins(boolean value) {
            this.allowImpersonatingAdmins = value;
            return this;
        }

        public Builder adminEmails(List<String> value) {
            this.adminEmails = new ArrayList<>(value);
            return this;
        }

        public AdminOptions build() {
            return new AdminOptions(defaultRole, adminRoles, adminUserIds, roles, bannedUserMessage, defaultBanReason,
                    defaultBanExpiresIn, impersonationSessionDuration, allowImpersonatingAdmins, adminEmails);
        }
    }
}
