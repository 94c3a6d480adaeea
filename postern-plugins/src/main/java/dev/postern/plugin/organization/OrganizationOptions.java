package dev.postern.plugin.organization;

import dev.postern.plugin.access.OrganizationAccess;
import dev.postern.plugin.access.Role;
import dev.postern.store.Row;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Options of the {@code organization} plugin, named as better-auth's {@code organization({...})} names them.
 *
 * @param allowUserToCreateOrganization whether a signed-in user may create organizations (server calls
 *     naming a {@code userId} always may)
 * @param organizationLimit how many organizations one user may belong to before creating another; null
 *     for no limit
 * @param creatorRole the role the creator gets, and the role only its holders may hand out or remove
 * @param membershipLimit members one organization may have
 * @param roles the roles permission checks use. As in better-auth, these <em>replace</em> the default
 *     {@code owner}/{@code admin}/{@code member} roles (keep them by including
 *     {@link OrganizationAccess#defaultRoles()}); a member's role must be one of these or of
 *     {@link OrganizationAccess#defaultRoles()}
 * @param invitationExpiresIn how long an invitation stays valid (48 hours)
 * @param invitationLimit pending invitations one organization may have
 * @param cancelPendingInvitationsOnReInvite re-inviting an address cancels its pending invitations
 *     instead of refusing
 * @param requireEmailVerificationOnInvitation only users with a verified address may accept or reject
 * @param disableOrganizationDeletion {@code /organization/delete} answers 404
 * @param teams the teams feature
 * @param dynamicAccessControl roles stored per organization
 * @param hooks code run before and after organization changes
 * @param invitationUrl the link an invitation e-mail carries, to the application's accept page:
 *     {@code {id}} is replaced by the invitation id, {@code {origin}} by the base URL's origin
 *     (default {@code {origin}/accept-invitation/{id}}, the page better-auth's documentation builds)
 * @param ac better-auth's {@code ac}: the statements (resource → actions) that roles stored with dynamic access
 *     control may grant; {@link OrganizationAccess#STATEMENTS} by default, extend it with your resources
 * @param sendInvitationEmail better-auth's {@code sendInvitationEmail}; null sends the
 *     {@link dev.postern.mail.MailKind#ORGANIZATION_INVITATION} e-mail through Postern's mailer
 */
public record OrganizationOptions(
        Predicate<Row> allowUserToCreateOrganization,
        Integer organizationLimit,
        String creatorRole,
        int membershipLimit,
        Map<String, Role> roles,
        Duration invitationExpiresIn,
        int invitationLimit,
        boolean cancelPendingInvitationsOnReInvite,
        boolean requireEmailVerificationOnInvitation,
        boolean disableOrganizationDeletion,
        Teams teams,
        DynamicAccessControl dynamicAccessControl,
        OrganizationHooks hooks,
        String invitationUrl,
        InvitationSender sendInvitationEmail,
        dev.postern.plugin.access.AccessControl ac) {

    public OrganizationOptions {
        Objects.requireNonNull(allowUserToCreateOrganization, "allowUserToCreateOrganization");
        Objects.requireNonNull(creatorRole, "creatorRole");
        roles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        Objects.requireNonNull(invitationExpiresIn, "invitationExpiresIn");
        Objects.requireNonNull(teams, "teams");
        Objects.requireNonNull(dynamicAccessControl, "dynamicAccessControl");
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(invitationUrl, "invitationUrl");
        Objects.requireNonNull(ac, "ac");
    }

    public static OrganizationOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * better-auth's {@code teams} option.
     *
     * @param enabled adds the team tables and endpoints
     * @param defaultTeam a team named after the organization is created with it, holding the creator
     * @param maximumTeams teams one organization may have; null for no limit
     * @param maximumMembersPerTeam members one team may have; null for no limit
     * @param allowRemovingAllTeams whether the last team of an organization may be removed
     */
    public record Teams(boolean enabled, boolean defaultTeam, Integer maximumTeams, Integer maximumMembersPerTeam,
                        boolean allowRemovingAllTeams) {
        public static final Teams DISABLED = new Teams(false, true, null, null, false);

        public static Teams on() {
            return new Teams(true, true, null, null, false);
        }
    }

    /**
     * better-auth's {@code dynamicAccessControl} option: roles created per organization at run time.
     *
     * @param enabled adds the {@code organizationRole} table and the role endpoints
     * @param maximumRolesPerOrganization roles one organization may create; null for no limit
     */
    public record DynamicAccessControl(boolean enabled, Integer maximumRolesPerOrganization) {
        public static final DynamicAccessControl DISABLED = new DynamicAccessControl(false, null);
    }

    /** Builder with better-auth's defaults. */
    public static final class Builder {
        private Predicate<Row> allowUserToCreateOrganization = user -> true;
        private Integer organizationLimit;
        private String creatorRole = "owner";
        private int membershipLimit = 100;
        private Map<String, Role> roles = OrganizationAccess.defaultRoles();
        private Duration invitationExpiresIn = Duration.ofHours(48);
        private int invitationLimit = 100;
        private boolean cancelPendingInvitationsOnReInvite;
        private boolean requireEmailVerificationOnInvitation;
        private boolean disableOrganizationDeletion;
        private Teams teams = Teams.DISABLED;
        private DynamicAccessControl dynamicAccessControl = DynamicAccessControl.DISABLED;
        private OrganizationHooks hooks = OrganizationHooks.NONE;
        private String invitationUrl = "{origin}/accept-invitation/{id}";
        private InvitationSender sendInvitationEmail;
        private dev.postern.plugin.access.AccessControl ac = OrganizationAccess.STATEMENTS;

        private Builder() {
        }

        public Builder allowUserToCreateOrganization(boolean value) {
            return allowUserToCreateOrganization(user -> value);
        }

        public Builder allowUserToCreateOrganization(Predicate<Row> value) {
            this.allowUserToCreateOrganization = value;
            return this;
        }

        public Builder organizationLimit(Integer value) {
            this.organizationLimit = value;
            return this;
        }

        public Builder creatorRole(String value) {
            this.creatorRole = value;
            return this;
        }

        public Builder membershipLimit(int value) {
            this.membershipLimit = value;
            return this;
        }

        /** Replaces the roles (see {@link OrganizationOptions#roles()}). */
        public Builder roles(Map<String, Role> value) {
            this.roles = value;
            return this;
        }

        public Builder invitationExpiresIn(Duration value) {
            this.invitationExpiresIn = value;
            return this;
        }

        public Builder invitationLimit(int value) {
            this.invitationLimit = value;
            return this;
        }

        public Builder cancelPendingInvitationsOnReInvite(boolean value) {
            this.cancelPendingInvitationsOnReInvite = value;
            return this;
        }

        public Builder requireEmailVerificationOnInvitation(boolean value) {
            this.requireEmailVerificationOnInvitation = value;
            return this;
        }

        public Builder disableOrganizationDeletion(boolean value) {
            this.disableOrganizationDeletion = value;
            return this;
        }

        public Builder teams(Teams value) {
            this.teams = value;
            return this;
        }

        public Builder dynamicAccessControl(DynamicAccessControl value) {
            this.dynamicAccessControl = value;
            return this;
        }

        public Builder hooks(OrganizationHooks value) {
            this.hooks = value;
            return this;
        }

        public Builder invitationUrl(String value) {
            this.invitationUrl = value;
            return this;
        }

        public Builder sendInvitationEmail(InvitationSender value) {
            this.sendInvitationEmail = value;
            return this;
        }

        public Builder ac(dev.postern.plugin.access.AccessControl value) {
            this.ac = value;
            return this;
        }

        public OrganizationOptions build() {
            return new OrganizationOptions(allowUserToCreateOrganization, organizationLimit, creatorRole,
                    membershipLimit, roles, invitationExpiresIn, invitationLimit, cancelPendingInvitationsOnReInvite,
                    requireEmailVerificationOnInvitation, disableOrganizationDeletion, teams, dynamicAccessControl,
                    hooks, invitationUrl, sendInvitationEmail, ac);
        }
    }
}
