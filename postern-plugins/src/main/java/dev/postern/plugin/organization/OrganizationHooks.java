package dev.postern.plugin.organization;

import dev.postern.store.Row;
import java.util.Map;
import java.util.Optional;

/**
 * better-auth's {@code organizationHooks}: Java code run around organization changes. A before-hook may
 * refuse by throwing an {@link dev.postern.error.ApiException} (the request answers with it and nothing is
 * written), or return values that replace or add to the ones about to be written. They run inside the
 * store transaction of the change, so a refusal from any of them leaves no half-written rows.
 */
public interface OrganizationHooks {
    OrganizationHooks NONE = new OrganizationHooks() {
    };

    /** Before an organization is written; {@code organization} holds name, slug, logo, metadata. */
    default Optional<Map<String, Object>> beforeCreateOrganization(Map<String, Object> organization, Row user) {
        return Optional.empty();
    }

    default void afterCreateOrganization(Map<String, Object> organization, Row member, Row user) {
    }

    /** Before an update; {@code data} holds the fields being changed. */
    default Optional<Map<String, Object>> beforeUpdateOrganization(Map<String, Object> data, Row user, Row member) {
        return Optional.empty();
    }

    default void afterUpdateOrganization(Map<String, Object> organization, Row user, Row member) {
    }

    default void beforeDeleteOrganization(Map<String, Object> organization, Row user) {
    }

    default void afterDeleteOrganization(Map<String, Object> organization, Row user) {
    }

    /** Before a member row is written (creation of an organization, add-member, accepted invitation). */
    default Optional<Map<String, Object>> beforeAddMember(Map<String, Object> member, Row user, Map<String, Object> organization) {
        return Optional.empty();
    }

    default void afterAddMember(Row member, Row user, Map<String, Object> organization) {
    }

    default void beforeRemoveMember(Row member, Row user, Map<String, Object> organization) {
    }

    default void afterRemoveMember(Row member, Row user, Map<String, Object> organization) {
    }

    /** Before a role change; a returned {@code role} replaces the new role. */
    default Optional<Map<String, Object>> beforeUpdateMemberRole(Row member, String newRole, Row user,
                                                                  Map<String, Object> organization) {
        return Optional.empty();
    }

    default void afterUpdateMemberRole(Row member, String previousRole, Row user, Map<String, Object> organization) {
    }

    /** Before an invitation is written; returned values are added to it. */
    default Optional<Map<String, Object>> beforeCreateInvitation(Map<String, Object> invitation, Row inviter,
                                                                  Map<String, Object> organization) {
        return Optional.empty();
    }

    default void afterCreateInvitation(Row invitation, Row inviter, Map<String, Object> organization) {
    }

    default void beforeAcceptInvitation(Row invitation, Row user, Map<String, Object> organization) {
    }

    default void afterAcceptInvitation(Row invitation, Row member, Row user, Map<String, Object> organization) {
    }

    default void beforeRejectInvitation(Row invitation, Row user, Map<String, Object> organization) {
    }

    default void afterRejectInvitation(Row invitation, Row user, Map<String, Object> organization) {
    }

    default void beforeCancelInvitation(Row invitation, Row cancelledBy, Map<String, Object> organization) {
    }

    default void afterCancelInvitation(Row invitation, Row cancelledBy, Map<String, Object> organization) {
    }

    /** Before a team is written (the default team of a new organization too); returned values are added. */
    default Optional<Map<String, Object>> beforeCreateTeam(Map<String, Object> team, Row user, Map<String, Object> organization) {
        return Optional.empty();
    }

    default void afterCreateTeam(Row team, Row user, Map<String, Object> organization) {
    }

    /** Before a team changes; returned values replace the changes. */
    default Optional<Map<String, Object>> beforeUpdateTeam(Row team, Map<String, Object> updates, Row user,
                                                            Map<String, Object> organization) {
        return Optional.empty();
    }

    default void afterUpdateTeam(Row team, Row user, Map<String, Object> organization) {
    }

    default void beforeDeleteTeam(Row team, Row user, Map<String, Object> organization) {
    }

    default void afterDeleteTeam(Row team, Row user, Map<String, Object> organization) {
    }

    default void beforeAddTeamMember(Row team, Row user, Map<String, Object> organization) {
    }

    default void afterAddTeamMember(Row teamMember, Row team, Row user, Map<String, Object> organization) {
    }

    default void beforeRemoveTeamMember(Row teamMember, Row team, Row user, Map<String, Object> organization) {
    }

    default void afterRemoveTeamMember(Row teamMember, Row team, Row user, Map<String, Object> organization) {
    }
}
