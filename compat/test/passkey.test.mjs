// The passkey plugin through better-auth's official client plugin (`passkeyClient()` from
// `@better-auth/passkey/client`), whose WebAuthn calls go through @simplewebauthn/browser to
// `navigator.credentials`. Node has no authenticator, so a software one (lib/authenticator.mjs) stands in
// for the browser's.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { passkeyClient } from "@better-auth/passkey/client";
import { SoftAuthenticator, installAuthenticator } from "../lib/authenticator.mjs";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
let server;
let counter = 0;

const authenticator = new SoftAuthenticator();

before(async () => {
  installAuthenticator(authenticator);
  server = await startPostern({ POSTERN_PLUGINS: "passkey", POSTERN_RATE_LIMIT_ENABLED: "false" });
  authenticator.origin = server.origin;
});
after(async () => {
  await server?.stop();
});

function passkeyUser() {
  return clientFor(server, { plugins: [passkeyClient()] });
}

async function signedUp() {
  const email = `passkey${++counter}-${Date.now()}@example.com`;
  const browser = passkeyUser();
  const signUp = await browser.client.signUp.email({ email, password: PASSWORD, name: "Passkey" });
  assert.equal(signUp.error, null, `sign-up failed: ${JSON.stringify(signUp.error)}`);
  return { email, ...browser };
}

test("addPasskey, signIn.passkey, list, update and delete through passkeyClient()", async () => {
  const { email, client } = await signedUp();

  const added = await client.passkey.addPasskey({ name: "Laptop" });
  assert.equal(added.error, null, JSON.stringify(added.error));
  assert.equal(added.data.name, "Laptop");
  assert.equal(added.data.transports, "internal");
  assert.equal(added.data.deviceType, "singleDevice");
  assert.equal(added.data.credentialID, authenticator.credentials.at(-1).id.toString("base64url"));

  const listed = await client.passkey.listUserPasskeys();
  assert.deepEqual(listed.data.map((p) => p.id), [added.data.id]);

  // A new browser, signed out: sign in with nothing but the passkey.
  const stranger = passkeyUser();
  const signedIn = await stranger.client.signIn.passkey();
  assert.equal(signedIn.error, null, JSON.stringify(signedIn.error));
  assert.equal(signedIn.data.user.email, email);
  const session = await stranger.client.getSession();
  assert.equal(session.data.user.email, email);

  const renamed = await client.passkey.updatePasskey({ id: added.data.id, name: "Work laptop" });
  assert.equal(renamed.data.passkey.name, "Work laptop");
  const deleted = await client.passkey.deletePasskey({ id: added.data.id });
  assert.deepEqual(deleted.data, { status: true });

  const refused = await passkeyUser().client.signIn.passkey();
  assert.equal(refused.data, null);
  assert.equal(refused.error.status, 401);
  assert.equal(refused.error.code, "PASSKEY_NOT_FOUND");
});

test("a passkey used from another origin, or someone else's passkey, gets better-auth's errors", async () => {
  const ada = await signedUp();
  const added = await ada.client.passkey.addPasskey();
  assert.equal(added.error, null, JSON.stringify(added.error));

  authenticator.origin = "https://evil.example";
  try {
    const refused = await passkeyUser().client.signIn.passkey();
    assert.equal(refused.error.status, 400);
    assert.equal(refused.error.code, "AUTHENTICATION_FAILED");
  } finally {
    authenticator.origin = server.origin;
  }

  const eve = await signedUp();
  const update = await eve.client.passkey.updatePasskey({ id: added.data.id, name: "mine" });
  assert.equal(update.error.status, 401);
  assert.equal(update.error.code, "YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY");
  const remove = await eve.client.passkey.deletePasskey({ id: added.data.id });
  assert.equal(remove.error.status, 401);
  assert.equal((await ada.client.passkey.listUserPasskeys()).data.length, 1);

  const signedOut = await passkeyUser().client.passkey.addPasskey();
  assert.equal(signedOut.error.status, 401);
});
