// better-auth's official client with organizationClient() against the organization plugin of the real server
// jar: create, invite through the invitation mailed over real SMTP (lib/mailbox.mjs), accept, roles,
// has-permission, teams and leave.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { organizationClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";
import { startMailbox } from "../lib/mailbox.mjs";

const YAML = `plugins:
  organization:
    membershipLimit: 10
    teams: { enabled: true }
`;

let mailbox;
let server;
before(async () => {
  mailbox = await startMailbox();
  server = await startPostern(mailbox.env, { yaml: YAML });
});
after(async () => {
  await server?.stop();
  await mailbox?.close();
});

let counter = 0;
/** A signed-up user with its own client (and client address, so rate limits count it alone). */
async function signedUp(name) {
  counter += 1;
  const email = `${name}${counter}-${Date.now()}@example.com`;
  const { client } = clientFor(server, {
    plugins: [organizationClient({ teams: { enabled: true } })],
    headers: { "x-forwarded-for": `10.9.0.${counter}` },
  });
  const signUp = await client.signUp.email({ email, password: "correct horse battery", name });
  assert.equal(signUp.error, null);
  return { client, email, id: signUp.data.user.id };
}

test("an owner creates an organization, invites by mail, and the invitee accepts and gets its role", async () => {
  const owner = await signedUp("ada");
  const created = await owner.client.organization.create({ name: "Acme", slug: `acme-${Date.now()}`, metadata: { plan: "pro" } });
  assert.equal(created.error, null);
  assert.equal(created.data.name, "Acme");
  assert.deepEqual(created.data.metadata, { plan: "pro" });
  assert.equal(created.data.members[0].role, "owner");
  assert.equal(created.data.members[0].userId, owner.id);
  const session = await owner.client.getSession();
  assert.equal(session.data.session.activeOrganizationId, created.data.id);

  const invitee = await signedUp("bob");
  const since = mailbox.messages.length;
  const invited = await owner.client.organization.inviteMember({ email: invitee.email, role: "admin" });
  assert.equal(invited.error, null);
  assert.equal(invited.data.status, "pending");
  const mail = await mailbox.waitFor(invitee.email, { since });
  assert.match(mail.subject, /Acme/);
  const link = mailbox.link(mail, "/accept-invitation/");
  assert.equal(link, `${server.origin}/accept-invitation/${invited.data.id}`);
  const invitationId = link.split("/").pop();

  const details = await invitee.client.organization.getInvitation({ query: { id: invitationId } });
  assert.equal(details.error, null);
  assert.equal(details.data.organizationName, "Acme");
  assert.equal(details.data.inviterEmail, owner.email);

  const accepted = await invitee.client.organization.acceptInvitation({ invitationId });
  assert.equal(accepted.error, null);
  assert.equal(accepted.data.invitation.status, "accepted");
  assert.equal(accepted.data.member.role, "admin");
  const role = await invitee.client.organization.getActiveMemberRole();
  assert.equal(role.data.role, "admin");

  const members = await owner.client.organization.listMembers();
  assert.equal(members.data.total, 2);
  assert.deepEqual(members.data.members.map((m) => m.user.email).sort(), [owner.email, invitee.email].sort());

  const again = await invitee.client.organization.acceptInvitation({ invitationId });
  assert.equal(again.error.status, 400);
  assert.equal(again.error.code, "INVITATION_NOT_FOUND");
});

test("roles decide has-permission and member management; a member leaves", async () => {
  const owner = await signedUp("cy");
  const org = (await owner.client.organization.create({ name: "Beta", slug: `beta-${Date.now()}` })).data;
  const member = await signedUp("dan");
  const invitation = (await owner.client.organization.inviteMember({ email: member.email, role: "member" })).data;
  await member.client.organization.acceptInvitation({ invitationId: invitation.id });

  const ownerMay = await owner.client.organization.hasPermission({ permissions: { organization: ["delete"] } });
  assert.deepEqual(ownerMay.data, { error: null, success: true });
  const memberMay = await member.client.organization.hasPermission({ permissions: { member: ["delete"] } });
  assert.equal(memberMay.data.success, false);
  const readsRoles = await member.client.organization.hasPermission({ permissions: { ac: ["read"] } });
  assert.equal(readsRoles.data.success, true);

  const denied = await member.client.organization.inviteMember({ email: `x${Date.now()}@example.com`, role: "member" });
  assert.equal(denied.error.status, 403);
  assert.equal(denied.error.code, "YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION");

  const memberRow = (await member.client.organization.getActiveMember()).data;
  const promoted = await owner.client.organization.updateMemberRole({ memberId: memberRow.id, role: "admin" });
  assert.equal(promoted.error, null);
  assert.equal(promoted.data.role, "admin");
  const adminMay = await member.client.organization.hasPermission({ permissions: { member: ["delete"] } });
  assert.equal(adminMay.data.success, true);

  const onlyOwner = await owner.client.organization.leave({ organizationId: org.id });
  assert.equal(onlyOwner.error.code, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER");
  const left = await member.client.organization.leave({ organizationId: org.id });
  assert.equal(left.error, null);
  assert.equal((await member.client.organization.list()).data.length, 0);
  assert.equal((await member.client.getSession()).data.session.activeOrganizationId ?? null, null);
});

test("teams: the default team, a new team, its members and the active team", async () => {
  const owner = await signedUp("eve");
  const org = (await owner.client.organization.create({ name: "Gamma", slug: `gamma-${Date.now()}` })).data;
  const teams = await owner.client.organization.listTeams();
  assert.equal(teams.error, null);
  assert.deepEqual(teams.data.map((t) => t.name), ["Gamma"]);

  const other = await signedUp("fay");
  const invitation = (await owner.client.organization.inviteMember({ email: other.email, role: "member" })).data;
  await other.client.organization.acceptInvitation({ invitationId: invitation.id });
  const red = await owner.client.organization.createTeam({ name: "Red" });
  assert.equal(red.error, null);
  const added = await owner.client.organization.addTeamMember({ teamId: red.data.id, userId: other.id });
  assert.equal(added.error, null);
  assert.equal(added.data.teamId, red.data.id);

  const active = await other.client.organization.setActiveTeam({ teamId: red.data.id });
  assert.equal(active.error, null);
  assert.equal((await other.client.getSession()).data.session.activeTeamId, red.data.id);
  const teamMembers = await other.client.organization.listTeamMembers();
  assert.deepEqual(teamMembers.data.map((m) => m.userId), [other.id]);
  const mine = await other.client.organization.listUserTeams();
  assert.deepEqual(mine.data.map((t) => t.id), [red.data.id]);
  assert.equal(mine.data[0].organizationId, org.id);

  const removed = await owner.client.organization.removeTeam({ teamId: red.data.id });
  assert.equal(removed.error, null);
  assert.deepEqual((await owner.client.organization.listTeams()).data.map((t) => t.name), ["Gamma"]);
});
