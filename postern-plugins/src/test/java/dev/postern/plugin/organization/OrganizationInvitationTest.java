package dev.postern.plugin.organization;

import static dev.postern.plugin.organization.Orgs.activeOrganizationId;
import static dev.postern.plugin.organization.Orgs.addMember;
import static dev.postern.plugin.organization.Orgs.create;
import static dev.postern.plugin.organization.Orgs.user;
import static dev.postern.plugin.organization.Orgs.userId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.support.Mailbox;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Invitations: mailed over real SMTP, accepted, rejected, cancelled, listed, limited and expired. */
class OrganizationInvitationTest {

    static TestPostern start(TestDatabase database, Mailbox mailbox, OrganizationOptions options) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new OrganizationPlugin(options));
        return TestPostern.builder().database(database).plugins(plugins.toArray(Plugin[]::new))
                .configure(b -> b.mailer(mailbox.mailer())).start();
    }

    static void verify(TestPostern auth, TestClient client) {
        auth.postern().users().update(userId(client), Map.of("emailVerified", true));
    }

    static JsonNode invite(TestClient client, String email, String role) {
        return client.postJson("/organization/invite-member", Map.of("email", email, "role", role)).assertStatus(200).json();
    }

    @SqliteAndPostgres
    void theMailedInvitationIsAcceptedByItsRecipient(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, OrganizationOptions.defaults())) {
            TestClient ada = user(auth, "ada@example.com");
            String orgId = create(ada, "Acme", "acme").get("id").asString();

            JsonNode invitation = invite(ada, "Bob@Example.com", "member");

            assertThat(invitation.get("email").asString()).isEqualTo("bob@example.com");
            assertThat(invitation.get("status").asString()).isEqualTo("pending");
            assertThat(invitation.get("role").asString()).isEqualTo("member");
            assertThat(invitation.get("organizationId").asString()).isEqualTo(orgId);
            assertThat(invitation.get("inviterId").asString()).isEqualTo(userId(ada));
            String id = invitation.get("id").asString();
            Mailbox.Mail mail = mailbox.lastTo("bob@example.com");
            assertThat(mail.subject()).contains("Acme");
            assertThat(mail.text()).contains("ada@example.com");
            assertThat(mail.link()).isEqualTo(auth.origin().toString().replaceAll("/$", "") + "/accept-invitation/" + id);

            TestClient bob = user(auth, "bob@example.com");
            JsonNode details = bob.get("/organization/get-invitation?id=" + mail.lastPathSegment()).assertStatus(200).json();
            assertThat(details.get("organizationName").asString()).isEqualTo("Acme");
            assertThat(details.get("organizationSlug").asString()).isEqualTo("acme");
            assertThat(details.get("inviterEmail").asString()).isEqualTo("ada@example.com");
            bob.get("/organization/list-user-invitations").assertError(403, "EMAIL_VERIFICATION_REQUIRED_FOR_INVITATION");
            verify(auth, bob);
            JsonNode mine = bob.get("/organization/list-user-invitations").assertStatus(200).json();
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).get("organizationName").asString()).isEqualTo("Acme");
            bob.get("/organization/list-user-invitations?email=ada@example.com").assertStatus(400);

            JsonNode accepted = bob.postJson("/organization/accept-invitation", Map.of("invitationId", id)).assertStatus(200).json();

            assertThat(accepted.get("invitation").get("status").asString()).isEqualTo("accepted");
            assertThat(accepted.get("member").get("role").asString()).isEqualTo("member");
            assertThat(accepted.get("member").get("userId").asString()).isEqualTo(userId(bob));
            assertThat(activeOrganizationId(bob)).isEqualTo(orgId);
            assertThat(ada.get("/organization/list-members").json().get("total").asInt()).isEqualTo(2);
            bob.postJson("/organization/accept-invitation", Map.of("invitationId", id)).assertError(400, "INVITATION_NOT_FOUND");
            bob.get("/organization/get-invitation?id=" + id).assertError(400, "INVITATION_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void invitingFollowsRolesAndLimits(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, OrganizationOptions.builder().invitationLimit(2).build())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            TestClient cy = user(auth, "cy@example.com");
            String orgId = create(ada, "Acme", "acme").get("id").asString();
            addMember(auth, userId(bob), orgId, "admin");
            addMember(auth, userId(cy), orgId, "member");
            bob.postJson("/organization/set-active", Map.of("organizationId", orgId)).assertStatus(200);
            cy.postJson("/organization/set-active", Map.of("organizationId", orgId)).assertStatus(200);

            String first = invite(ada, "dan@example.com", "member").get("id").asString();
            ada.postJson("/organization/invite-member", Map.of("email", "dan@example.com", "role", "member"))
                    .assertError(400, "USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION");
            JsonNode resent = ada.postJson("/organization/invite-member", Map.of("email", "dan@example.com",
                    "role", "member", "resend", true)).assertStatus(200).json();
            assertThat(resent.get("id").asString()).isEqualTo(first);
            assertThat(mailbox.all().stream().filter(m -> m.to().equals("dan@example.com")).count()).isEqualTo(2);

            cy.postJson("/organization/invite-member", Map.of("email", "eve@example.com", "role", "member"))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION");
            bob.postJson("/organization/invite-member", Map.of("email", "eve@example.com", "role", "owner"))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE");
            bob.postJson("/organization/invite-member", Map.of("email", "eve@example.com", "role", "boss"))
                    .assertError(400, "ROLE_NOT_FOUND");
            bob.postJson("/organization/invite-member", Map.of("email", "cy@example.com", "role", "member"))
                    .assertError(400, "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION");
            bob.postJson("/organization/invite-member", Map.of("email", "not-an-email", "role", "member"))
                    .assertError(400, "INVALID_EMAIL");
            invite(bob, "eve@example.com", "admin");
            bob.postJson("/organization/invite-member", Map.of("email", "fay@example.com", "role", "member"))
                    .assertError(403, "INVITATION_LIMIT_REACHED");
        }
    }

    @SqliteAndPostgres
    void rejectCancelAndList(TestDatabase database) {
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = start(database, mailbox, OrganizationOptions.builder().cancelPendingInvitationsOnReInvite(true).build())) {
            TestClient ada = user(auth, "ada@example.com");
            TestClient bob = user(auth, "bob@example.com");
            TestClient cy = user(auth, "cy@example.com");
            String orgId = create(ada, "Acme", "acme").get("id").asString();
            addMember(auth, userId(bob), orgId, "admin");
            bob.postJson("/organization/set-active", Map.of("organizationId", orgId)).assertStatus(200);

            String toCy = invite(ada, "cy@example.com", "member").get("id").asString();
            String again = invite(ada, "cy@example.com", "admin").get("id").asString();
            assertThat(again).isNotEqualTo(toCy);
            String ownerInvite = invite(ada, "dan@example.com", "owner").get("id").asString();

            JsonNode all = ada.get("/organization/list-invitations").assertStatus(200).json();
            assertThat(all.findValuesAsString("status")).containsExactlyInAnyOrder("canceled", "pending", "pending");
            // An admin does not see invitations granting the creator role.
            assertThat(bob.get("/organization/list-invitations?organizationId=" + orgId).json().findValuesAsString("id"))
                    .doesNotContain(ownerInvite).contains(again);

            bob.postJson("/organization/accept-invitation", Map.of("invitationId", again))
                    .assertError(403, "YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION");
            JsonNode rejected = cy.postJson("/organization/reject-invitation", Map.of("invitationId", again)).assertStatus(200).json();
            assertThat(rejected.get("invitation").get("status").asString()).isEqualTo("rejected");
            assertThat(rejected.get("member").isNull()).isTrue();
            cy.postJson("/organization/reject-invitation", Map.of("invitationId", again)).assertError(400, "INVITATION_NOT_FOUND");
            assertThat(cy.get("/organization/list").json()).isEmpty();

            cy.postJson("/organization/cancel-invitation", Map.of("invitationId", ownerInvite)).assertError(400, "MEMBER_NOT_FOUND");
            JsonNode canceled = bob.postJson("/organization/cancel-invitation", Map.of("invitationId", ownerInvite))
                    .assertStatus(200).json();
            assertThat(canceled.get("status").asString()).isEqualTo("canceled");
            cy.get("/organization/list-invitations?organizationId=" + orgId).assertStatus(403);
        }
    }

    @SqliteAndPostgres
    void expiredAndUnverifiedAndFull(TestDatabase database) throws InterruptedException {
        OrganizationOptions options = OrganizationOptions.builder().invitationExpiresIn(Duration.ofMillis(800))
                .requireEmailVerificationOnInvitation(true).membershipLimit(2).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options)) {
            TestClient ada = user(auth, "ada@example.com");
            create(ada, "Acme", "acme");
            TestClient bob = user(auth, "bob@example.com");
            String expiring = invite(ada, "bob@example.com", "member").get("id").asString();
            bob.postJson("/organization/accept-invitation", Map.of("invitationId", expiring))
                    .assertError(403, "EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION");
            Thread.sleep(1000);
            verify(auth, bob);
            bob.postJson("/organization/accept-invitation", Map.of("invitationId", expiring)).assertError(400, "INVITATION_NOT_FOUND");
        }
        options = OrganizationOptions.builder().membershipLimit(2).build();
        try (Mailbox mailbox = Mailbox.start(); TestPostern auth = start(database, mailbox, options)) {
            TestClient ada = user(auth, "ada@example.com");
            String orgId = create(ada, "Acme", "acme").get("id").asString();
            TestClient bob = user(auth, "bob@example.com");
            String toBob = invite(ada, "bob@example.com", "member").get("id").asString();
            addMember(auth, userId(user(auth, "cy@example.com")), orgId, "member");
            bob.postJson("/organization/accept-invitation", Map.of("invitationId", toBob))
                    .assertError(403, "ORGANIZATION_MEMBERSHIP_LIMIT_REACHED");
            // Nothing half-written: the invitation is still pending and Bob is no member.
            assertThat(bob.get("/organization/get-invitation?id=" + toBob).assertStatus(200).json().get("status").asString())
                    .isEqualTo("pending");
            assertThat(bob.get("/organization/list").json()).isEmpty();
        }
    }
}
