// The anonymous plugin through better-auth's official client with anonymousClient(): anonymous sign-in,
// linking on a real sign-up (the anonymous user and its sessions are deleted), and delete-anonymous-user.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { anonymousClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
const SESSION_COOKIE = "better-auth.session_token";
let server;
let counter = 0;

before(async () => {
  server = await startPostern(
    { POSTERN_PLUGINS: "anonymous", POSTERN_RATE_LIMIT_ENABLED: "false" },
    { yaml: "plugins:\n  anonymous:\n    emailDomainName: guests.example.com\n" },
  );
});
after(async () => {
  await server?.stop();
});

const client = () => clientFor(server, { plugins: [anonymousClient()] });

/** A fresh client that carries only `cookie` as its session cookie. */
function withSessionCookie(cookie) {
  const other = client();
  other.jar.cookies.set(SESSION_COOKIE, cookie);
  return other.client;
}

test("anonymous sign-in makes an anonymous user, once per browser", async () => {
  const { client: browser } = client();
  const signIn = await browser.signIn.anonymous();
  assert.equal(signIn.error, null, JSON.stringify(signIn.error));
  assert.equal(signIn.data.user.isAnonymous, true);
  assert.equal(signIn.data.user.name, "Anonymous");
  assert.match(signIn.data.user.email, /^temp-[A-Za-z0-9]{32}@guests\.example\.com$/);
  assert.equal((await browser.getSession()).data.user.isAnonymous, true);

  const again = await browser.signIn.anonymous();
  assert.equal(again.error.status, 400);
  assert.equal(again.error.code, "ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY");
});

test("signing up for real links the account and deletes the anonymous user", async () => {
  const { client: browser, jar } = client();
  const anonymous = await browser.signIn.anonymous();
  const anonymousCookie = jar.get(SESSION_COOKIE);
  assert.equal((await withSessionCookie(anonymousCookie).getSession()).data.user.id, anonymous.data.user.id);

  const email = `linked${++counter}-${Date.now()}@example.com`;
  const signUp = await browser.signUp.email({ email, password: PASSWORD, name: "Linked" });
  assert.equal(signUp.error, null, JSON.stringify(signUp.error));

  const session = await browser.getSession();
  assert.equal(session.data.user.email, email);
  assert.equal(session.data.user.isAnonymous, false);
  // The anonymous user is gone, and its session with it.
  assert.equal((await withSessionCookie(anonymousCookie).getSession()).data, null);
});

test("delete-anonymous-user removes an anonymous user and refuses others", async () => {
  const { client: browser, jar } = client();
  await browser.signIn.anonymous();
  const deleted = await browser.deleteAnonymousUser();
  assert.equal(deleted.error, null, JSON.stringify(deleted.error));
  assert.equal(deleted.data.success, true);
  assert.equal(jar.get(SESSION_COOKIE), undefined);
  assert.equal((await browser.getSession()).data, null);

  const { client: real } = client();
  await real.signUp.email({ email: `real${++counter}-${Date.now()}@example.com`, password: PASSWORD, name: "Real" });
  const refused = await real.deleteAnonymousUser();
  assert.equal(refused.error.status, 403);
  assert.equal(refused.error.code, "USER_IS_NOT_ANONYMOUS");
});
