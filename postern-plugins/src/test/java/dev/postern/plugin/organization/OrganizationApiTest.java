package dev.postern.plugin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.error.ApiException;
import dev.postern.http.Headers;
import dev.postern.http.Status;
import dev.postern.plugin.api.PluginApiCallsTest.Jar;
import dev.postern.plugin.emailpassword.EmailPasswordApi;
import dev.postern.plugin.emailpassword.EmailPasswordApi.SignUpEmailRequest;
import dev.postern.plugin.organization.OrganizationApiTypes.AddMemberRequest;
import dev.postern.plugin.organization.OrganizationApiTypes.CreateInvitationRequest;
import dev.postern.plugin.organization.OrganizationApiTypes.CreateOrganizationRequest;
import dev.postern.plugin.organization.OrganizationApiTypes.FullOrganization;
import dev.postern.plugin.organization.OrganizationApiTypes.Invitation;
import dev.postern.plugin.organization.OrganizationApiTypes.ListMembersRequest;
import dev.postern.plugin.organization.OrganizationApiTypes.Member;
import dev.postern.plugin.organization.OrganizationApiTypes.OrgRole;
import dev.postern.plugin.organization.OrganizationApiTypes.OrgRoleChange;
import dev.postern.plugin.organization.OrganizationApiTypes.Organization;
import dev.postern.plugin.organization.OrganizationApiTypes.OrganizationChanges;
import dev.postern.plugin.organization.OrganizationApiTypes.RoleRef;
import dev.postern.plugin.organization.OrganizationApiTypes.Team;
import dev.postern.plugin.organization.OrganizationApiTypes.TeamMember;
import dev.postern.plugin.session.SessionApi;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;

/** {@link OrganizationApi}: the organization plugin driven through its typed facade, teams and stored roles on. */
class OrganizationApiTest {
    private static final Map<String, List<String>> DELETE_MEMBERS = Map.of("member", List.of("delete"));
    private static final Map<String, List<String>> INVITE = Map.of("invitation", List.of("create"));

    private static OrganizationOptions options() {
        return OrganizationOptions.builder()
                .teams(OrganizationOptions.Teams.on())
                .dynamicAccessControl(new OrganizationOptions.DynamicAccessControl(true, null))
                .build();
    }

    @SqliteAndPostgres
    void createInviteAcceptListChangeRolesTeamsStoredRolesThenLeaveAndDelete(TestDatabase database) {
        try (TestPostern auth = Orgs.start(database, options())) {
            OrganizationApi organizations = OrganizationApi.of(auth.postern());
            Headers ada = signUp(auth, "ada@example.com");
            Headers bob = signUp(auth, "bob@example.com");
            String bobId = userId(auth, bob);

            assertThat(organizations.checkOrganizationSlug(ada, "acme").value().status()).isTrue();
            FullOrganization created = organizations.createOrganization(ada, new CreateOrganizationRequest(
                    "Acme", "acme", null, null, Map.of("plan", "pro"), null)).value();
            String orgId = created.id();
            assertThat(created.slug()).isEqualTo("acme");
            assertThat(created.metadata()).isEqualTo(Map.of("plan", "pro"));
            assertThat(created.createdAt()).isBefore(Instant.now().plusSeconds(1));
            assertThat(created.members()).singleElement()
                    .satisfies(m -> assertThat(m.role()).isEqualTo("owner"))
                    .satisfies(m -> assertThat(m.userId()).isEqualTo(userId(auth, ada)));
            assertThat(organizations.listOrganizations(ada).value()).extracting(Organization::id).containsExactly(orgId);

            Invitation invited = organizations.createInvitation(ada,
                    CreateInvitationRequest.of("Bob@Example.com", "member", orgId)).value();
            assertThat(invited.email()).isEqualTo("bob@example.com");
            assertThat(invited.status()).isEqualTo("pending");
            assertThat(invited.expiresAt()).isAfter(Instant.now());
            Invitation seen = organizations.getInvitation(bob, invited.id()).value();
            assertThat(seen.organizationSlug()).isEqualTo("acme");
            assertThat(seen.inviterEmail()).isEqualTo("ada@example.com");
            var accepted = organizations.acceptInvitation(bob, invited.id()).value();
            assertThat(accepted.invitation().status()).isEqualTo("accepted");
            Member bobMember = accepted.member();
            assertThat(bobMember.userId()).isEqualTo(bobId);
            assertThat(bobMember.role()).isEqualTo("member");

            var members = organizations.listMembers(ada, ListMembersRequest.of(orgId)).value();
            assertThat(members.total()).isEqualTo(2);
            assertThat(members.members()).extracting(m -> m.user().email())
                    .containsExactlyInAnyOrder("ada@example.com", "bob@example.com");

            // What a role allows: an owner may remove members, a plain member may not even invite.
            assertThat(organizations.hasPermission(ada, orgId, DELETE_MEMBERS).value().success()).isTrue();
            assertThat(organizations.hasPermission(bob, orgId, DELETE_MEMBERS).value().success()).isFalse();
            assertThat(organizations.hasPermission(bob, orgId, INVITE).value().success()).isFalse();
            assertThat(organizations.updateMemberRole(ada, bobMember.id(), List.of("admin"), orgId).value().role())
                    .isEqualTo("admin");
            assertThat(organizations.hasPermission(bob, orgId, INVITE).value().success()).isTrue();
            // Bob's active organization is the one whose invitation he accepted.
            assertThat(organizations.getActiveMemberRole(bob, null, null, null).value().role()).isEqualTo("admin");
            assertThat(organizations.getActiveMember(bob).value().user().email()).isEqualTo("bob@example.com");

            Team platform = organizations.createTeam(ada, "Platform", orgId).value();
            assertThat(platform.organizationId()).isEqualTo(orgId);
            TeamMember inTeam = organizations.addTeamMember(ada, platform.id(), bobId, orgId).value();
            assertThat(inTeam.teamId()).isEqualTo(platform.id());
            assertThat(organizations.listTeamMembers(bob, platform.id()).value()).extracting(TeamMember::userId)
                    .containsExactly(bobId);
            assertThat(organizations.listUserTeams(bob, null, null).value()).extracting(Team::name)
                    .containsExactly("Platform");
            // The default team, named after the organization, holds its creator.
            assertThat(organizations.listOrganizationTeams(ada, orgId).value()).extracting(Team::name)
                    .containsExactlyInAnyOrder("Acme", "Platform");

            OrgRoleChange auditor = organizations.createOrgRole(ada, orgId, "Auditor", INVITE).value();
            assertThat(auditor.success()).isTrue();
            assertThat(auditor.roleData().role()).isEqualTo("auditor");
            assertThat(auditor.roleData().permission()).isEqualTo(INVITE);
            assertThat(organizations.listOrgRoles(ada, orgId).value()).extracting(OrgRole::id)
                    .containsExactly(auditor.roleData().id());
            organizations.updateMemberRole(ada, bobMember.id(), List.of("auditor"), orgId);
            assertThat(organizations.hasPermission(bob, orgId, INVITE).value().success()).isTrue();
            assertThat(organizations.hasPermission(bob, orgId, DELETE_MEMBERS).value().success()).isFalse();

            Member left = organizations.leaveOrganization(bob, orgId).value();
            assertThat(left.id()).isEqualTo(bobMember.id());
            assertThat(left.user().email()).isEqualTo("bob@example.com");
            assertThat(organizations.listOrganizations(bob).value()).isEmpty();
            assertThat(organizations.deleteOrganization(ada, orgId).value().slug()).isEqualTo("acme");
            assertThat(organizations.listOrganizations(ada).value()).isEmpty();
        }
    }

    @SqliteAndPostgres
    void theRestOfTheEndpointsThroughTheFacade(TestDatabase database) {
        try (TestPostern auth = Orgs.start(database, options())) {
            OrganizationApi organizations = OrganizationApi.of(auth.postern());
            Headers ada = signUp(auth, "ada@example.com");
            Headers bob = signUp(auth, "bob@example.com");
            String bobId = userId(auth, bob);
            String orgId = organizations.createOrganization(ada, CreateOrganizationRequest.of("Acme", "acme"))
                    .value().id();

            Organization renamed = organizations.updateOrganization(ada, null,
                    new OrganizationChanges("Acme Inc", null, "https://acme.test/logo.png", null)).value();
            assertThat(renamed.name()).isEqualTo("Acme Inc");
            assertThat(renamed.slug()).isEqualTo("acme");
            assertThat(renamed.logo()).isEqualTo("https://acme.test/logo.png");
            assertThat(organizations.getOrganization(ada, null, "acme").value().name()).isEqualTo("Acme Inc");

            // Server only: a member without an invitation, headers empty.
            Member bobMember = organizations.addMember(Headers.empty(), AddMemberRequest.of(bobId, "member", orgId))
                    .value();
            assertThat(bobMember.role()).isEqualTo("member");
            assertThat(organizations.setActiveOrganization(bob, null, "acme").value().id()).isEqualTo(orgId);
            assertThat(organizations.getActiveMemberRole(ada, bobId, orgId, null).value().role()).isEqualTo("member");
            assertThat(organizations.setActiveOrganization(bob, null, null).value()).isNull();
            assertThat(session(auth, bob).get("activeOrganizationId").isNull()).isTrue();

            Invitation toCy = organizations.createInvitation(ada, CreateInvitationRequest.of("cy@example.com", "admin", null))
                    .value();
            Invitation toDan = organizations.createInvitation(ada, CreateInvitationRequest.of("dan@example.com", "member", orgId))
                    .value();
            assertThat(organizations.listInvitations(ada, orgId).value()).extracting(Invitation::id)
                    .containsExactlyInAnyOrder(toCy.id(), toDan.id());
            assertThat(organizations.listUserInvitations(Headers.empty(), "cy@example.com").value())
                    .singleElement().satisfies(i -> assertThat(i.organizationName()).isEqualTo("Acme Inc"));
            assertThat(organizations.cancelInvitation(ada, toCy.id()).value().status()).isEqualTo("canceled");
            Headers dan = signUp(auth, "dan@example.com");
            var rejected = organizations.rejectInvitation(dan, toDan.id()).value();
            assertThat(rejected.invitation().status()).isEqualTo("rejected");
            assertThat(rejected.member()).isNull();
            FullOrganization full = organizations.getFullOrganization(ada, orgId, null, null).value();
            assertThat(full.members()).extracting(Member::userId).contains(bobId);
            assertThat(full.invitations()).extracting(Invitation::status)
                    .containsExactlyInAnyOrder("canceled", "rejected");
            assertThat(full.teams()).extracting(Team::name).containsExactly("Acme");

            Team team = organizations.createTeam(ada, "Platform", orgId).value();
            assertThat(organizations.updateTeam(ada, team.id(), "Infra", orgId).value().name()).isEqualTo("Infra");
            organizations.addTeamMember(ada, team.id(), bobId, orgId);
            organizations.setActiveOrganization(bob, orgId, null);
            assertThat(organizations.setActiveTeam(bob, team.id()).value().id()).isEqualTo(team.id());
            assertThat(organizations.listTeamMembers(bob, null).value()).extracting(TeamMember::userId)
                    .containsExactly(bobId);
            assertThat(organizations.setActiveTeam(bob, null).value()).isNull();
            assertThat(organizations.removeTeamMember(ada, team.id(), bobId, orgId).value().message())
                    .isEqualTo("Team member removed successfully.");
            assertThat(organizations.removeTeam(ada, team.id(), orgId).value().message())
                    .isEqualTo("Team removed successfully.");

            String roleId = organizations.createOrgRole(ada, orgId, "auditor", INVITE).value().roleData().id();
            OrgRoleChange updated = organizations.updateOrgRole(ada, RoleRef.withId(orgId, roleId),
                    Map.of("invitation", List.of("create", "cancel")), "reviewer").value();
            assertThat(updated.roleData().role()).isEqualTo("reviewer");
            assertThat(updated.roleData().updatedAt()).isNotNull();
            assertThat(organizations.getOrgRole(ada, RoleRef.named(orgId, "reviewer")).value().permission())
                    .containsEntry("invitation", List.of("create", "cancel"));
            assertThat(organizations.deleteOrgRole(ada, RoleRef.named(orgId, "reviewer")).value().success()).isTrue();
            assertThat(organizations.listOrgRoles(ada, orgId).value()).isEmpty();

            assertThat(organizations.removeMember(ada, "bob@example.com", orgId).value().member().id())
                    .isEqualTo(bobMember.id());
            assertThat(organizations.listMembers(ada, null).value().total()).isEqualTo(1);

            // The back office creates an organization for a user, without a session.
            FullOrganization forBob = organizations.createOrganization(Headers.empty(),
                    new CreateOrganizationRequest("Globex", "globex", bobId, null, null, null)).value();
            assertThat(forBob.members()).extracting(Member::userId).containsExactly(bobId);
            assertThat(organizations.listOrganizations(bob).value()).extracting(Organization::slug)
                    .containsExactly("globex");
        }
    }

    @SqliteAndPostgres
    void refusalsComeBackAsApiExceptionsWithBetterAuthsCodes(TestDatabase database) {
        try (TestPostern auth = Orgs.start(database, options())) {
            OrganizationApi organizations = OrganizationApi.of(auth.postern());
            Headers ada = signUp(auth, "ada@example.com");
            Headers bob = signUp(auth, "bob@example.com");
            String orgId = organizations.createOrganization(ada, CreateOrganizationRequest.of("Acme", "acme"))
                    .value().id();
            String adaMember = organizations.getActiveMember(ada).value().id();
            organizations.addMember(Headers.empty(), AddMemberRequest.of(userId(auth, bob), "member", orgId));

            assertRefused(() -> organizations.checkOrganizationSlug(ada, "acme"),
                    Status.BAD_REQUEST, "ORGANIZATION_SLUG_ALREADY_TAKEN");
            assertRefused(() -> organizations.createOrganization(bob, CreateOrganizationRequest.of("Other", "acme")),
                    Status.BAD_REQUEST, "ORGANIZATION_ALREADY_EXISTS");
            assertRefused(() -> organizations.updateMemberRole(bob, adaMember, List.of("member"), orgId),
                    Status.FORBIDDEN, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
            assertRefused(() -> organizations.leaveOrganization(ada, orgId),
                    Status.BAD_REQUEST, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER");
            assertRefused(() -> organizations.createOrgRole(bob, orgId, "auditor", INVITE),
                    Status.FORBIDDEN, "YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE");
            assertRefused(() -> organizations.getOrgRole(ada, RoleRef.named(orgId, "nobody")),
                    Status.BAD_REQUEST, "ROLE_NOT_FOUND");
            assertRefused(() -> organizations.addMember(Headers.empty(), AddMemberRequest.of(userId(auth, bob),
                    "member", orgId)), Status.BAD_REQUEST, "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION");
        }
    }

    private static void assertRefused(ThrowingCallable call, Status status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
        });
    }

    /** A new user's session headers, as its browser would send them. */
    private static Headers signUp(TestPostern auth, String email) {
        return new Jar().take(EmailPasswordApi.of(auth.postern())
                .signUpEmail(new SignUpEmailRequest("User", email, "correct horse battery"))).headers();
    }

    private static String userId(TestPostern auth, Headers headers) {
        return SessionApi.of(auth.postern()).getSession(headers).value().user().id();
    }

    /** The session as JSON, with the plugin's fields ({@code activeOrganizationId}, ...). */
    private static JsonNode session(TestPostern auth, Headers headers) {
        return SessionApi.of(auth.postern()).getSession(headers).json().get("session");
    }
}
