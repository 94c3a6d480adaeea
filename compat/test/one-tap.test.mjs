// better-auth's client (with oneTapClient()) against the one-tap plugin of the real server jar. A Node HTTP
// server in this file plays Google's JWKS host with a key pair made here by jose, which also signs the ID
// tokens Google's One Tap prompt would hand the browser. The prompt itself needs a browser, so the test posts
// the token as the client's callback does ($fetch("/one-tap/callback")).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { oneTapClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const CLIENT_ID = "1234567890-compat.apps.googleusercontent.com";
let keys;
let jwksHost;
let server;

before(async () => {
  keys = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: "compat-key", alg: "RS256", use: "sig" };
  jwksHost = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise((ok) => jwksHost.listen(0, "127.0.0.1", ok));
  server = await startPostern({}, {
    yaml: `plugins:
  one-tap:
    clientId: ${CLIENT_ID}
    jwksUrl: http://127.0.0.1:${jwksHost.address().port}/oauth2/v3/certs
`,
  });
});
after(async () => {
  await server?.stop();
  await new Promise((ok) => (jwksHost ? jwksHost.close(ok) : ok()));
});

function idToken(claims, audience = CLIENT_ID) {
  return new SignJWT({ email_verified: true, name: "Ada Lovelace", ...claims })
    .setProtectedHeader({ alg: "RS256", kid: "compat-key" })
    .setIssuer("https://accounts.google.com")
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(keys.privateKey);
}

test("a Google ID token signs the user up, then in, with a session cookie", async () => {
  const { client, jar } = clientFor(server, { plugins: [oneTapClient({ clientId: CLIENT_ID })] });
  const email = `onetap${Date.now()}@example.com`;
  const token = await idToken({ sub: `sub-${Date.now()}`, email });

  const first = await client.$fetch("/one-tap/callback", { method: "POST", body: { idToken: token } });
  const cookie = jar.get("better-auth.session_token");
  const session = await client.getSession();
  const again = await client.$fetch("/one-tap/callback", { method: "POST", body: { idToken: token } });

  assert.equal(first.error, null);
  assert.equal(first.data.user.email, email);
  assert.equal(first.data.user.emailVerified, true);
  assert.ok(cookie.startsWith(`${first.data.token}.`));
  assert.equal(session.data.user.id, first.data.user.id);
  assert.equal(again.data.user.id, first.data.user.id);
});

test("a token for another client is an invalid id token", async () => {
  const { client } = clientFor(server, { plugins: [oneTapClient({ clientId: CLIENT_ID })] });
  const token = await idToken({ sub: "sub-other", email: "other@example.com" }, "someone-else");

  const { error } = await client.$fetch("/one-tap/callback", { method: "POST", body: { idToken: token } });

  assert.equal(error.status, 400);
  assert.equal(error.message, "invalid id token");
});
