// The passkey plugin through better-auth's official client plugin (`passkeyClient()` from
// `@better-auth/passkey/client`), whose WebAuthn calls go through @simplewebauthn/browser to
// `navigator.credentials`. Node has no authenticator, so a small software one (ES256, attestation "none",
// node:crypto) stands in for the browser's: it builds the bytes the WebAuthn specification prescribes and
// signs with a real key, so Postern's verification sees what a browser would send.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { passkeyClient } from "@better-auth/passkey/client";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
let server;
let counter = 0;

/** Software authenticator behind navigator.credentials; `origin` is what it writes into client data. */
class SoftAuthenticator {
  constructor() {
    this.credentials = [];
    this.origin = null;
  }

  async create({ publicKey }) {
    const { publicKey: pub, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = pub.export({ format: "jwk" });
    const id = randomBytes(16);
    const cose = Buffer.concat([
      Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]),
      Buffer.from(jwk.x, "base64url"),
      Buffer.from([0x22, 0x58, 0x20]),
      Buffer.from(jwk.y, "base64url"),
    ]);
    const rpId = publicKey.rp.id;
    const authData = Buffer.concat([sha256(rpId), Buffer.from([0x45]), u32(0), Buffer.alloc(16), u16(id.length), id, cose]);
    const clientData = this.clientData("webauthn.create", publicKey.challenge);
    this.credentials.push({ id, privateKey, rpId, userHandle: Buffer.from(publicKey.user.id), counter: 0 });
    return {
      id: id.toString("base64url"),
      rawId: buffer(id),
      type: "public-key",
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: buffer(clientData),
        attestationObject: buffer(noneAttestation(authData)),
        getTransports: () => ["internal"],
        getAuthenticatorData: () => buffer(authData),
      },
      getClientExtensionResults: () => ({}),
    };
  }

  async get({ publicKey }) {
    const allowed = (publicKey.allowCredentials ?? []).map((c) => Buffer.from(c.id).toString("base64url"));
    const credential = this.credentials.findLast(
      (c) => c.rpId === publicKey.rpId && (allowed.length === 0 || allowed.includes(c.id.toString("base64url"))),
    );
    // Several discoverable credentials: the newest, as a user would pick in the browser's list.
    if (!credential) throw new DOMException("No credential", "NotAllowedError");
    credential.counter += 1;
    const authData = Buffer.concat([sha256(credential.rpId), Buffer.from([0x05]), u32(credential.counter)]);
    const clientData = this.clientData("webauthn.get", publicKey.challenge);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientData)]), credential.privateKey);
    return {
      id: credential.id.toString("base64url"),
      rawId: buffer(credential.id),
      type: "public-key",
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: buffer(clientData),
        authenticatorData: buffer(authData),
        signature: buffer(signature),
        userHandle: buffer(credential.userHandle),
      },
      getClientExtensionResults: () => ({}),
    };
  }

  clientData(type, challenge) {
    const json = { type, challenge: Buffer.from(challenge).toString("base64url"), origin: this.origin, crossOrigin: false };
    return Buffer.from(JSON.stringify(json));
  }
}

const sha256 = (data) => createHash("sha256").update(data).digest();
const u16 = (n) => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n) => Buffer.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
const buffer = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
/** CBOR {"fmt": "none", "attStmt": {}, "authData": h'..'}. */
function noneAttestation(authData) {
  const text = (s) => Buffer.concat([Buffer.from([0x60 + s.length]), Buffer.from(s)]);
  return Buffer.concat([
    Buffer.from([0xa3]), text("fmt"), text("none"), text("attStmt"), Buffer.from([0xa0]), text("authData"),
    Buffer.from([0x59]), u16(authData.length), authData,
  ]);
}

const authenticator = new SoftAuthenticator();

before(async () => {
  // What @simplewebauthn/browser looks for in a browser.
  globalThis.PublicKeyCredential ??= function PublicKeyCredential() {};
  Object.defineProperty(globalThis, "navigator", {
    value: { credentials: authenticator, userAgent: "node" },
    configurable: true,
  });
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
