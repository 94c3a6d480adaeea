// better-auth's official client against the email-password, user and session plugins of the real server jar.
//
// Mailed links: the compat server runs without SMTP, so Postern's development mailer logs every e-mail with
// its text body; the tests read the links out of the server's output (server.logs()), as a developer would
// click them from the console. This needs nothing but the jar, and it exercises the same link-building code
// as real mail (the SMTP path itself is tested in Java against GreenMail).
//
// Rate limits: better-auth's special limits (3 sign-ups per 10 s per client, ...) are on, so every
// simulated browser sends its own x-forwarded-for address and gets its own buckets, as real users would.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const SESSION_COOKIE = "better-auth.session_token";
const PASSWORD = "correct horse battery";

// Plugin options live in postern.yaml; delete-user is off unless enabled, as in better-auth.
const YAML = `plugins:
  email-password: {}
  user:
    deleteUser:
      enabled: true
  session: {}
`;

let server;
before(async () => {
  server = await startPostern({}, { yaml: YAML });
});
after(async () => {
  await server?.stop();
});

let counter = 0;
/** A fresh address per test, so tests do not depend on each other's users. */
function newEmail() {
  counter += 1;
  return `user${counter}-${Date.now()}@example.com`;
}

let browsers = 0;
/** A client with its own cookie jar and its own client address. */
function browser() {
  browsers += 1;
  return clientFor(server, { headers: { "x-forwarded-for": `10.0.${Math.floor(browsers / 250)}.${(browsers % 250) + 1}` } });
}

async function signedUp(email = newEmail()) {
  const signingUp = browser();
  const { data, error } = await signingUp.client.signUp.email({ email, password: PASSWORD, name: "Ada" });
  assert.equal(error, null);
  return { ...signingUp, email, user: data.user };
}

/** The newest link to `path` that the logging mailer printed after `since` (a logs() length); waits up to 5 s. */
async function mailedLink(path, since) {
  const pattern = new RegExp(`${server.url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${path}[^\\s]*`, "g");
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = server.logs().slice(since).match(pattern);
    if (found) return found[found.length - 1];
    if (Date.now() > deadline) throw new Error(`no ${path} link was mailed:\n${server.logs().slice(since)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("signUp.email answers token and user and sets the session cookie", async () => {
  const { client, jar } = browser();
  const email = newEmail();

  const { data, error } = await client.signUp.email({ email: email.toUpperCase(), password: PASSWORD, name: "Ada" });

  assert.equal(error, null);
  assert.equal(typeof data.token, "string");
  assert.equal(data.token.length, 32);
  assert.equal(data.user.email, email);
  assert.equal(data.user.name, "Ada");
  assert.equal(data.user.emailVerified, false);
  assert.ok(data.user.createdAt instanceof Date);
  assert.ok(jar.get(SESSION_COOKIE).startsWith(`${data.token}.`));
});

test("signUp.email refuses a taken address and a short password with better-auth's codes", async () => {
  const { email } = await signedUp();
  const { client } = browser();

  const taken = await client.signUp.email({ email, password: PASSWORD, name: "Eve" });
  const short = await client.signUp.email({ email: newEmail(), password: "short", name: "Eve" });

  assert.equal(taken.data, null);
  assert.equal(taken.error.status, 422);
  assert.equal(taken.error.code, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
  assert.equal(taken.error.message, "User already exists. Use another email.");
  assert.equal(short.error.status, 400);
  assert.equal(short.error.code, "PASSWORD_TOO_SHORT");
});

test("signIn.email signs in, and a wrong password is 401 INVALID_EMAIL_OR_PASSWORD", async () => {
  const { email } = await signedUp();
  const { client, jar } = browser();

  const wrong = await client.signIn.email({ email, password: "wrong password" });
  const right = await client.signIn.email({ email, password: PASSWORD });

  assert.equal(wrong.error.status, 401);
  assert.equal(wrong.error.code, "INVALID_EMAIL_OR_PASSWORD");
  assert.equal(right.error, null);
  assert.equal(right.data.redirect, false);
  assert.equal(right.data.user.email, email);
  assert.ok(jar.get(SESSION_COOKIE).startsWith(`${right.data.token}.`));
  const session = await client.getSession();
  assert.equal(session.data.user.email, email);
});

test("updateUser changes the name the session shows", async () => {
  const { client } = await signedUp();

  const { data, error } = await client.updateUser({ name: "Ada Lovelace" });
  const refused = await client.updateUser({ email: "other@example.com" });

  assert.equal(error, null);
  assert.deepEqual(data, { status: true });
  assert.equal(refused.error.status, 400);
  assert.equal(refused.error.code, "EMAIL_CAN_NOT_BE_UPDATED");
  const session = await client.getSession();
  assert.equal(session.data.user.name, "Ada Lovelace");
});

test("changePassword replaces the password and can revoke the other sessions", async () => {
  const { client, email } = await signedUp();
  const other = browser();
  await other.client.signIn.email({ email, password: PASSWORD });

  const wrong = await client.changePassword({ currentPassword: "wrong password", newPassword: "second password" });
  const changed = await client.changePassword({
    currentPassword: PASSWORD,
    newPassword: "second password",
    revokeOtherSessions: true,
  });

  assert.equal(wrong.error.status, 400);
  assert.equal(wrong.error.code, "INVALID_PASSWORD");
  assert.equal(changed.error, null);
  assert.equal(typeof changed.data.token, "string");
  assert.equal(changed.data.user.email, email);
  assert.equal((await other.client.getSession()).data, null);
  assert.equal((await client.getSession()).data.session.token, changed.data.token);
  const signIn = await browser().client.signIn.email({ email, password: "second password" });
  assert.equal(signIn.error, null);
});

test("requestPasswordReset mails a link that leads to resetPassword, which works once", async () => {
  const { email } = await signedUp();
  const { client } = browser();
  const since = server.logs().length;

  const requested = await client.requestPasswordReset({ email, redirectTo: "/reset" });
  const link = await mailedLink("/reset-password/", since);
  const opened = await fetch(link, { redirect: "manual" });
  const token = new URL(opened.headers.get("location")).searchParams.get("token");
  const reset = await client.resetPassword({ newPassword: "brand new password", token });
  const replay = await client.resetPassword({ newPassword: "another password", token });
  const unknown = await client.requestPasswordReset({ email: newEmail() });

  assert.deepEqual(requested.data, {
    status: true,
    message: "If this email exists in our system, check your email for the reset link",
  });
  assert.deepEqual(unknown.data, requested.data);
  assert.match(link, /\/reset-password\/[A-Za-z0-9]{24}\?callbackURL=%2Freset$/);
  assert.equal(opened.status, 302);
  assert.equal(opened.headers.get("location"), `${server.origin}/reset?token=${token}`);
  assert.deepEqual(reset.data, { status: true });
  assert.equal(replay.error.status, 400);
  assert.equal(replay.error.code, "INVALID_TOKEN");
  const signIn = await browser().client.signIn.email({ email, password: "brand new password" });
  assert.equal(signIn.error, null);
});

test("sendVerificationEmail mails a link that verifyEmail accepts", async () => {
  const { client, email } = await signedUp();
  const since = server.logs().length;

  const sent = await client.sendVerificationEmail({ email, callbackURL: "/verified" });
  const link = await mailedLink("/verify-email", since);
  const token = new URL(link).searchParams.get("token");
  const opened = await fetch(link, { redirect: "manual" });
  const again = await client.verifyEmail({ query: { token } });
  const forged = await client.verifyEmail({ query: { token: `${token}x` } });

  assert.deepEqual(sent.data, { status: true });
  assert.match(link, /\/verify-email\?token=[\w-]+\.[\w-]+\.[\w-]+&callbackURL=%2Fverified$/);
  const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
  assert.deepEqual(Object.keys(claims), ["email", "userId", "iat", "exp"]);
  assert.equal(claims.exp - claims.iat, 3600);
  assert.equal(opened.status, 302);
  assert.equal(opened.headers.get("location"), "/verified");
  assert.deepEqual(again.data, { status: true, user: null });
  assert.equal(forged.error.status, 401);
  assert.equal(forged.error.code, "INVALID_TOKEN");
  assert.equal((await client.getSession()).data.user.emailVerified, true);
});

test("listAccounts shows the credential account without secrets", async () => {
  const { client, user } = await signedUp();

  const { data, error } = await client.listAccounts();

  assert.equal(error, null);
  assert.equal(data.length, 1);
  const [account] = data;
  assert.deepEqual(Object.keys(account).sort(), ["accountId", "createdAt", "id", "providerId", "scopes", "updatedAt", "userId"]);
  assert.equal(account.providerId, "credential");
  assert.equal(account.accountId, user.id);
  assert.equal(account.userId, user.id);
  assert.deepEqual(account.scopes, []);
});

test("deleteUser with the password deletes the user and clears the cookie", async () => {
  const { client, jar, email } = await signedUp();

  const wrong = await client.deleteUser({ password: "wrong password" });
  const deleted = await client.deleteUser({ password: PASSWORD });

  assert.equal(wrong.error.status, 400);
  assert.equal(wrong.error.code, "INVALID_PASSWORD");
  assert.deepEqual(deleted.data, { success: true, message: "User deleted" });
  assert.equal(jar.get(SESSION_COOKIE), undefined);
  assert.equal((await client.getSession()).data, null);
  const signIn = await browser().client.signIn.email({ email, password: PASSWORD });
  assert.equal(signIn.error.status, 401);
});
