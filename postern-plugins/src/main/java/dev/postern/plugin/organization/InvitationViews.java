package dev.postern.plugin.organization;

import dev.postern.plugin.access.ActionRequest;
import dev.postern.plugin.access.Permissions;
import dev.postern.schema.Output;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.util.List;
import java.util.Map;

/**
 * Which invitations of an organization a member may see, as better-auth decides it: invitation ids act as
 * invitation links, so only members who may create invitations see them, and invitations granting the
 * creator role only members holding it.
 */
final class InvitationViews {
    private InvitationViews() {
    }

    static boolean canView(OrganizationPlugin plugin, OrganizationData data, Row member, String organizationId) {
        return plugin.permissions().allows(data, member.string("role"), organizationId,
                Map.of("invitation", ActionRequest.all("create")));
    }

    static List<Row> withoutCreatorRoleInvitations(OrganizationPlugin plugin, Row member, List<Row> invitations) {
        String creatorRole = plugin.options().creatorRole();
        if (Permissions.roleNames(member.string("role")).contains(creatorRole)) {
            return invitations;
        }
        return invitations.stream().filter(i -> !Permissions.roleNames(i.string("role")).contains(creatorRole)).toList();
    }

    /** The invitations of {@code organizationId} that {@code member} may see (all statuses). */
    static List<Map<String, Object>> visibleInvitations(OrganizationPlugin plugin, OrganizationData data, Row member,
                                                        String organizationId) {
        List<Row> all = data.store().findMany(OrganizationSchema.INVITATION,
                Query.where(Where.eq("organizationId", organizationId)));
        if (all.isEmpty() || !canView(plugin, data, member, organizationId)) {
            return List.of();
        }
        return withoutCreatorRoleInvitations(plugin, member, all).stream()
                .map(i -> Output.of(data.schema(), OrganizationSchema.INVITATION, i)).toList();
    }
}
