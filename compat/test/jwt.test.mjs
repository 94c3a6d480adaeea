// The jwt plugin through better-auth's official client with jwtClient(): a token from GET /token and from
// the set-auth-jwt header of get-session, verified by the npm `jose` library (createRemoteJWKSet +
// jwtVerify) against Postern's /jwks, before and after `postern keys rotate` on the same database.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { jwtClient } from "better-auth/client/plugins";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { runPostern, startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

// keyCacheTtl: the server re-reads the jwks table after 1 s, so a rotation by the CLI shows up quickly.
const YAML = "plugins:\n  jwt:\n    jwks:\n      keyCacheTtl: 1\n";
let server;

before(async () => {
  server = await startPostern({ POSTERN_PLUGINS: "jwt", POSTERN_RATE_LIMIT_ENABLED: "false" }, { yaml: YAML });
});
after(async () => {
  await server?.stop();
});

async function signedInClient() {
  const { client } = clientFor(server, { plugins: [jwtClient()] });
  const email = `jwt-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const signUp = await client.signUp.email({ email, password: "correct-horse-battery", name: "Jwt" });
  assert.equal(signUp.error, null, `sign-up failed: ${JSON.stringify(signUp.error)}`);
  return { client, email, userId: signUp.data.user.id };
}

async function headerJwt(client) {
  let jwt;
  let exposed;
  const session = await client.getSession({
    fetchOptions: {
      onSuccess: (ctx) => {
        jwt = ctx.response.headers.get("set-auth-jwt");
        exposed = ctx.response.headers.get("access-control-expose-headers");
      },
    },
  });
  assert.equal(session.error, null);
  assert.ok(exposed.split(/,\s*/).includes("set-auth-jwt"), exposed);
  return jwt;
}

test("token and set-auth-jwt verify with jose against /jwks, before and after keys rotate", async () => {
  const { client, email, userId } = await signedInClient();
  const jwks = createRemoteJWKSet(new URL(`${server.url}/jwks`), { cooldownDuration: 500 });
  const expected = { issuer: server.origin, audience: server.origin };

  const token = await client.token();
  assert.equal(token.error, null);
  const { payload, protectedHeader } = await jwtVerify(token.data.token, jwks, expected);
  assert.equal(protectedHeader.alg, "EdDSA");
  assert.equal(payload.sub, userId);
  assert.equal(payload.id, userId);
  assert.equal(payload.email, email);
  assert.equal(payload.exp - payload.iat, 15 * 60);
  const fromHeader = await headerJwt(client);
  assert.equal((await jwtVerify(fromHeader, jwks, expected)).payload.sub, userId);

  const keySet = await client.jwks();
  assert.equal(keySet.error, null);
  assert.deepEqual(keySet.data.keys.map((k) => k.kid), [protectedHeader.kid]);
  assert.equal(keySet.data.keys[0].crv, "Ed25519");
  assert.equal(keySet.data.keys[0].d, undefined);

  const rotated = runPostern(["keys", "rotate"], {
    POSTERN_PLUGINS: "jwt",
    POSTERN_DATABASE_URL: server.database.url,
  }, { cwd: server.dir });
  assert.equal(rotated.status, 0, rotated.output);
  const newKid = /New signing key (\S+)/.exec(rotated.output)[1];
  await new Promise((r) => setTimeout(r, 1_200));

  const afterRotation = (await client.token()).data.token;
  assert.equal(decodeProtectedHeader(afterRotation).kid, newKid);
  assert.notEqual(newKid, protectedHeader.kid);
  assert.equal((await jwtVerify(afterRotation, jwks, expected)).payload.sub, userId);
  assert.equal(decodeProtectedHeader(await headerJwt(client)).kid, newKid);
  assert.equal((await jwtVerify(token.data.token, jwks, expected)).payload.sub, userId, "old key in grace period");
  const keysAfter = (await client.jwks()).data.keys.map((k) => k.kid);
  assert.deepEqual(new Set(keysAfter), new Set([protectedHeader.kid, newKid]));
});

test("token without a session is 401 and get-session without one sets no set-auth-jwt", async () => {
  const { client } = clientFor(server, { plugins: [jwtClient()] });
  const token = await client.token();
  assert.equal(token.error.status, 401);
  let jwt = "unset";
  await client.getSession({ fetchOptions: { onResponse: (ctx) => (jwt = ctx.response.headers.get("set-auth-jwt")) } });
  assert.equal(jwt, null);
});
