// The multi-session plugin through better-auth's official client with multiSessionClient(): two users
// signed in from ONE cookie jar, listed, switched, revoked, and all signed out by sign-out.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { multiSessionClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
const SESSION_COOKIE = "better-auth.session_token";
let server;
let counter = 0;

before(async () => {
  server = await startPostern({ POSTERN_PLUGINS: "multi-session", POSTERN_RATE_LIMIT_ENABLED: "false" });
});
after(async () => {
  await server?.stop();
});

const client = () => clientFor(server, { plugins: [multiSessionClient()] });

async function newUser(label) {
  const email = `${label}${++counter}-${Date.now()}@example.com`;
  const signUp = await client().client.signUp.email({ email, password: PASSWORD, name: label });
  assert.equal(signUp.error, null, JSON.stringify(signUp.error));
  return email;
}

test("two users in one jar: list, set-active, revoke, sign-out", async () => {
  const ada = await newUser("ada");
  const bob = await newUser("bob");
  const { client: device, jar } = client();

  const adaToken = (await device.signIn.email({ email: ada, password: PASSWORD })).data.token;
  const bobToken = (await device.signIn.email({ email: bob, password: PASSWORD })).data.token;
  assert.ok(jar.get(`${SESSION_COOKIE}_multi-${adaToken.toLowerCase()}`).startsWith(adaToken + "."));
  assert.ok(jar.get(`${SESSION_COOKIE}_multi-${bobToken.toLowerCase()}`).startsWith(bobToken + "."));

  const list = await device.multiSession.listDeviceSessions();
  assert.equal(list.error, null, JSON.stringify(list.error));
  assert.deepEqual(list.data.map((s) => s.user.email).sort(), [ada, bob].sort());
  assert.equal((await device.getSession()).data.user.email, bob);

  const active = await device.multiSession.setActive({ sessionToken: adaToken });
  assert.equal(active.error, null, JSON.stringify(active.error));
  assert.equal(active.data.user.email, ada);
  assert.equal((await device.getSession()).data.user.email, ada);

  const revoked = await device.multiSession.revoke({ sessionToken: adaToken });
  assert.equal(revoked.error, null, JSON.stringify(revoked.error));
  assert.equal(revoked.data.status, true);
  assert.equal(jar.get(`${SESSION_COOKIE}_multi-${adaToken.toLowerCase()}`), undefined);
  // The active session was revoked: the device falls back to the other account.
  assert.equal((await device.getSession()).data.user.email, bob);
  assert.deepEqual((await device.multiSession.listDeviceSessions()).data.map((s) => s.user.email), [bob]);

  const signOut = await device.signOut();
  assert.equal(signOut.error, null, JSON.stringify(signOut.error));
  assert.deepEqual([...jar.cookies.keys()].filter((name) => name.startsWith(SESSION_COOKIE)), []);
  assert.equal((await device.getSession()).data, null);
});

test("a token this device holds no cookie for is refused", async () => {
  const ada = await newUser("eve");
  const owner = client().client;
  const token = (await owner.signIn.email({ email: ada, password: PASSWORD })).data.token;
  const { client: stranger } = client();
  const refused = await stranger.multiSession.setActive({ sessionToken: token });
  assert.equal(refused.error.status, 401);
  assert.equal(refused.error.code, "INVALID_SESSION_TOKEN");
  assert.deepEqual((await stranger.multiSession.listDeviceSessions()).data, []);
});
