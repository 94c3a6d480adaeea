// The admin plugin through better-auth's official client with adminClient(): the first admin from
// POSTERN_ADMIN_EMAILS, listing users, setting roles (a custom role from postern.yaml included), a ban
// that blocks sign-in, and an impersonation round trip that ends in the admin's own session.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { adminClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
const ADMIN_EMAIL = "boss@example.com";
let server;
let admin;
let adminId;
let counter = 0;

before(async () => {
  server = await startPostern(
    { POSTERN_PLUGINS: "admin", POSTERN_RATE_LIMIT_ENABLED: "false", POSTERN_ADMIN_EMAILS: ADMIN_EMAIL },
    { yaml: "plugins:\n  admin:\n    roles:\n      support: { user: [list, get], session: [list] }\n" },
  );
  admin = clientFor(server, { plugins: [adminClient()] });
  const signUp = await admin.client.signUp.email({ email: ADMIN_EMAIL, password: PASSWORD, name: "Boss" });
  assert.equal(signUp.error, null, JSON.stringify(signUp.error));
  assert.equal(signUp.data.user.role, "admin");
  adminId = signUp.data.user.id;
});
after(async () => {
  await server?.stop();
});

/** A new user signed in on a client of its own. */
async function newUser(prefix) {
  const browser = clientFor(server, { plugins: [adminClient()] });
  const email = `${prefix}${++counter}-${Date.now()}@example.com`;
  const signUp = await browser.client.signUp.email({ email, password: PASSWORD, name: prefix });
  assert.equal(signUp.error, null, JSON.stringify(signUp.error));
  return { ...browser, email, id: signUp.data.user.id };
}

test("admins list users with search and paging; others are refused", async () => {
  const ada = await newUser("listed");
  const page = await admin.client.admin.listUsers({
    query: { searchValue: ada.email, searchField: "email", limit: 10, sortBy: "createdAt" },
  });
  assert.equal(page.error, null, JSON.stringify(page.error));
  assert.equal(page.data.total, 1);
  assert.equal(page.data.limit, 10);
  assert.equal(page.data.users[0].email, ada.email);
  assert.equal(page.data.users[0].role, "user");

  const refused = await ada.client.admin.listUsers({ query: {} });
  assert.equal(refused.error.status, 403);
  assert.equal(refused.error.code, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS");
});

test("set-role gives a custom role from postern.yaml its permissions", async () => {
  const helper = await newUser("support");
  const unknown = await admin.client.admin.setRole({ userId: helper.id, role: "auditor" });
  assert.equal(unknown.error.code, "YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE");

  const set = await admin.client.admin.setRole({ userId: helper.id, role: ["support", "user"] });
  assert.equal(set.error, null, JSON.stringify(set.error));
  assert.equal(set.data.user.role, "support,user");

  assert.equal((await helper.client.admin.listUsers({ query: {} })).error, null);
  const may = await helper.client.admin.hasPermission({ permissions: { user: ["get"], session: ["list"] } });
  assert.deepEqual(may.data, { error: null, success: true });
  const mayNot = await helper.client.admin.hasPermission({ permissions: { user: ["ban"] } });
  assert.equal(mayNot.data.success, false);
  const ban = await helper.client.admin.banUser({ userId: adminId });
  assert.equal(ban.error.code, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS");
});

test("a ban signs the user out and blocks sign-in until unbanned", async () => {
  const eve = await newUser("banned");
  const ban = await admin.client.admin.banUser({ userId: eve.id, banReason: "spam" });
  assert.equal(ban.error, null, JSON.stringify(ban.error));
  assert.equal(ban.data.user.banned, true);
  assert.equal(ban.data.user.banReason, "spam");
  assert.equal((await eve.client.getSession()).data, null);

  const again = clientFor(server, { plugins: [adminClient()] });
  const refused = await again.client.signIn.email({ email: eve.email, password: PASSWORD });
  assert.equal(refused.error.status, 403);
  assert.equal(refused.error.code, "BANNED_USER");
  assert.match(refused.error.message, /banned from this application/);

  assert.equal((await admin.client.admin.unbanUser({ userId: eve.id })).error, null);
  const signIn = await again.client.signIn.email({ email: eve.email, password: PASSWORD });
  assert.equal(signIn.error, null, JSON.stringify(signIn.error));
});

test("impersonate a user, then stop and be the admin again", async () => {
  const ada = await newUser("impersonated");
  const before = await admin.client.getSession();
  const adminToken = before.data.session.token;

  const started = await admin.client.admin.impersonateUser({ userId: ada.id });
  assert.equal(started.error, null, JSON.stringify(started.error));
  assert.equal(started.data.session.impersonatedBy, before.data.user.id);
  const asAda = await admin.client.getSession();
  assert.equal(asAda.data.user.id, ada.id);
  assert.equal(asAda.data.session.impersonatedBy, before.data.user.id);
  assert.ok(admin.jar.get("better-auth.admin_session"));
  // Ada's own list hides the impersonation session.
  const adasSessions = await ada.client.listSessions();
  assert.equal(adasSessions.data.length, 1);

  const stopped = await admin.client.admin.stopImpersonating();
  assert.equal(stopped.error, null, JSON.stringify(stopped.error));
  const back = await admin.client.getSession();
  assert.equal(back.data.user.email, ADMIN_EMAIL);
  assert.equal(back.data.session.token, adminToken);
  assert.equal(admin.jar.get("better-auth.admin_session"), undefined);
  const sessions = await admin.client.admin.listUserSessions({ userId: ada.id });
  assert.equal(sessions.data.sessions.length, 1);
});
