package dev.postern.plugin.organization;

import dev.postern.error.ErrorCode;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** The organization plugin's error codes and messages, exactly as better-auth 1.7.25 declares them. */
public final class OrganizationErrorCodes {
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION = of("YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION", "You are not allowed to create a new organization");
    public static final ErrorCode YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS = of("YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS", "You have reached the maximum number of organizations");
    public static final ErrorCode ORGANIZATION_ALREADY_EXISTS = of("ORGANIZATION_ALREADY_EXISTS", "Organization already exists");
    public static final ErrorCode ORGANIZATION_SLUG_ALREADY_TAKEN = of("ORGANIZATION_SLUG_ALREADY_TAKEN", "Organization slug already taken");
    public static final ErrorCode ORGANIZATION_NOT_FOUND = of("ORGANIZATION_NOT_FOUND", "Organization not found");
    public static final ErrorCode USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION = of("USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION", "User is not a member of the organization");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION = of("YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION", "You are not allowed to update this organization");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION = of("YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION", "You are not allowed to delete this organization");
    public static final ErrorCode NO_ACTIVE_ORGANIZATION = of("NO_ACTIVE_ORGANIZATION", "No active organization");
    public static final ErrorCode USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION = of("USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION", "User is already a member of this organization");
    public static final ErrorCode MEMBER_NOT_FOUND = of("MEMBER_NOT_FOUND", "Member not found");
    public static final ErrorCode ROLE_NOT_FOUND = of("ROLE_NOT_FOUND", "Role not found");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM = of("YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM", "You are not allowed to create a new team");
    public static final ErrorCode TEAM_ALREADY_EXISTS = of("TEAM_ALREADY_EXISTS", "Team already exists");
    public static final ErrorCode TEAM_NOT_FOUND = of("TEAM_NOT_FOUND", "Team not found");
    public static final ErrorCode YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER = of("YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER", "You cannot leave the organization as the only owner");
    public static final ErrorCode YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER = of("YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER", "You cannot leave the organization without an owner");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER = of("YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER", "You are not allowed to delete this member");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION = of("YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION", "You are not allowed to invite users to this organization");
    public static final ErrorCode USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION = of("USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION", "User is already invited to this organization");
    public static final ErrorCode INVITATION_NOT_FOUND = of("INVITATION_NOT_FOUND", "Invitation not found");
    public static final ErrorCode YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION = of("YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION", "You are not the recipient of the invitation");
    public static final ErrorCode EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION = of("EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION", "Email verification required before accepting or rejecting invitation");
    public static final ErrorCode EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION = of("EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION", "Email verification required to view or list invitations for the session email");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION = of("YOU_ARE_NOT_ALLOWED_TO_CANCEL_THIS_INVITATION", "You are not allowed to cancel this invitation");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS = of("YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS", "You are not allowed to list invitations for this organization");
    public static final ErrorCode INVITER_IS_NO_LONGER_A_MEMBER_OF_THE_ORGANIZATION = of("INVITER_IS_NO_LONGER_A_MEMBER_OF_THE_ORGANIZATION", "Inviter is no longer a member of the organization");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE = of("YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE", "You are not allowed to invite a user with this role");
    public static final ErrorCode FAILED_TO_RETRIEVE_INVITATION = of("FAILED_TO_RETRIEVE_INVITATION", "Failed to retrieve invitation");
    public static final ErrorCode YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS = of("YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS", "You have reached the maximum number of teams");
    public static final ErrorCode UNABLE_TO_REMOVE_LAST_TEAM = of("UNABLE_TO_REMOVE_LAST_TEAM", "Unable to remove last team");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER = of("YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER", "You are not allowed to update this member");
    public static final ErrorCode ORGANIZATION_MEMBERSHIP_LIMIT_REACHED = of("ORGANIZATION_MEMBERSHIP_LIMIT_REACHED", "Organization membership limit reached");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION = of("YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION", "You are not allowed to create teams in this organization");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_DELETE_TEAMS_IN_THIS_ORGANIZATION = of("YOU_ARE_NOT_ALLOWED_TO_DELETE_TEAMS_IN_THIS_ORGANIZATION", "You are not allowed to delete teams in this organization");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM = of("YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM", "You are not allowed to update this team");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM = of("YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM", "You are not allowed to delete this team");
    public static final ErrorCode INVITATION_LIMIT_REACHED = of("INVITATION_LIMIT_REACHED", "Invitation limit reached");
    public static final ErrorCode TEAM_MEMBER_LIMIT_REACHED = of("TEAM_MEMBER_LIMIT_REACHED", "Team member limit reached");
    public static final ErrorCode USER_IS_NOT_A_MEMBER_OF_THE_TEAM = of("USER_IS_NOT_A_MEMBER_OF_THE_TEAM", "User is not a member of the team");
    public static final ErrorCode YOU_CAN_NOT_ACCESS_THE_MEMBERS_OF_THIS_TEAM = of("YOU_CAN_NOT_ACCESS_THE_MEMBERS_OF_THIS_TEAM", "You are not allowed to list the members of this team");
    public static final ErrorCode YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM = of("YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM", "You do not have an active team");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM_MEMBER = of("YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM_MEMBER", "You are not allowed to create a new member");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_REMOVE_A_TEAM_MEMBER = of("YOU_ARE_NOT_ALLOWED_TO_REMOVE_A_TEAM_MEMBER", "You are not allowed to remove a team member");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION = of("YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION", "You are not allowed to access this organization as an owner");
    public static final ErrorCode YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION = of("YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION", "You are not a member of this organization");
    public static final ErrorCode MISSING_AC_INSTANCE = of("MISSING_AC_INSTANCE", "Dynamic Access Control requires a pre-defined ac instance on the server auth plugin. Read server logs for more information");
    public static final ErrorCode YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE = of("YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE", "You must be in an organization to create a role");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE = of("YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE", "You are not allowed to create a role");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE = of("YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE", "You are not allowed to update a role");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE = of("YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE", "You are not allowed to delete a role");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_READ_A_ROLE = of("YOU_ARE_NOT_ALLOWED_TO_READ_A_ROLE", "You are not allowed to read a role");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_LIST_A_ROLE = of("YOU_ARE_NOT_ALLOWED_TO_LIST_A_ROLE", "You are not allowed to list a role");
    public static final ErrorCode YOU_ARE_NOT_ALLOWED_TO_GET_A_ROLE = of("YOU_ARE_NOT_ALLOWED_TO_GET_A_ROLE", "You are not allowed to get a role");
    public static final ErrorCode TOO_MANY_ROLES = of("TOO_MANY_ROLES", "This organization has too many roles");
    public static final ErrorCode INVALID_RESOURCE = of("INVALID_RESOURCE", "The provided permission includes an invalid resource");
    public static final ErrorCode ROLE_NAME_IS_ALREADY_TAKEN = of("ROLE_NAME_IS_ALREADY_TAKEN", "That role name is already taken");
    public static final ErrorCode CANNOT_DELETE_A_PRE_DEFINED_ROLE = of("CANNOT_DELETE_A_PRE_DEFINED_ROLE", "Cannot delete a pre-defined role");
    public static final ErrorCode ROLE_IS_ASSIGNED_TO_MEMBERS = of("ROLE_IS_ASSIGNED_TO_MEMBERS", "Cannot delete a role that is assigned to members. Please reassign the members to a different role first");
    public static final ErrorCode INVALID_TEAM_ID = of("INVALID_TEAM_ID", "Team id contains a reserved character");

    private OrganizationErrorCodes() {
    }

    private static ErrorCode of(String code, String message) {
        return ErrorCode.of(code, message);
    }

    /** Every code above, for the plugin's {@code errorCodes()}. */
    public static List<ErrorCode> all() {
        List<ErrorCode> codes = new ArrayList<>();
        for (var field : OrganizationErrorCodes.class.getDeclaredFields()) {
            if (field.getType() == ErrorCode.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    codes.add((ErrorCode) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(codes);
    }
}
