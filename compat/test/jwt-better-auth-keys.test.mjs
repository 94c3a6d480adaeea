// The jwks table shared with the real better-auth (1.7.25 from npm, jwt() plugin) in both directions:
// better-auth creates the first key (private key encrypted with the secret) and signs a token; Postern, on
// that database, publishes the key and signs /token with it (so it decrypted better-auth's private key);
// `postern keys rotate` adds a Postern-made key; better-auth, back on the database, verifies Postern's
// token (verifyJWT) and signs with Postern's new key (so it decrypted Postern's private key).
// Postern finds nothing to migrate in the jwks table better-auth created. One writer at a time, as in
// better-auth-database.test.mjs.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jwt } from "better-auth/plugins";
import { getMigrations } from "better-auth/db/migration";
import { jwtClient } from "better-auth/client/plugins";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { runPostern, startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";
import { openBetterAuth, sharedDatabase } from "../lib/better-auth.mjs";

// Both sides sign for the same issuer and audience, as two implementations of one deployment would.
const ISSUER = "https://auth.example.test";
const YAML = `plugins:\n  jwt:\n    jwks:\n      keyCacheTtl: 1\n    jwt: { issuer: "${ISSUER}", audience: "${ISSUER}" }\n`;
let dir;
let database;

function openBetterAuthWithJwt() {
  return openBetterAuth(database, { plugins: [jwt({ jwt: { issuer: ISSUER, audience: ISSUER } })] });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "postern-compat-jwt-keys-"));
  database = await sharedDatabase(dir);
});
after(async () => {
  await database?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("better-auth's keys serve Postern and Postern's keys serve better-auth", async () => {
  const expected = { issuer: ISSUER, audience: ISSUER };
  const first = openBetterAuthWithJwt();
  let betterAuthToken;
  try {
    await (await getMigrations(first.auth.options)).runMigrations();
    betterAuthToken = (await first.auth.api.signJWT({ body: { payload: { sub: "service-1" } } })).token;
  } finally {
    await first.close();
  }
  const betterAuthKid = decodeProtectedHeader(betterAuthToken).kid;

  // The jwks table better-auth created is exactly Postern's: nothing to migrate, and Postern starts on it
  // without --migrate (on PostgreSQL it would refuse a schema that lacks anything).
  const dryRun = runPostern(["migrate", "--dry-run"],
    { POSTERN_PLUGINS: "jwt", POSTERN_DATABASE_URL: database.url, POSTERN_DATA_DIR: join(dir, "data") }, { cwd: dir });
  assert.equal(dryRun.status, 0, dryRun.output);
  assert.match(dryRun.output, /Nothing to migrate/);
  const server = await startPostern({ POSTERN_PLUGINS: "jwt", POSTERN_RATE_LIMIT_ENABLED: "false" },
    { database, yaml: YAML, migrate: false });
  let posternToken;
  let rotatedToken;
  let newKid;
  try {
    const jwks = createRemoteJWKSet(new URL(`${server.url}/jwks`), { cooldownDuration: 500 });
    assert.equal((await jwtVerify(betterAuthToken, jwks, expected)).payload.sub, "service-1");

    const { client } = clientFor(server, { plugins: [jwtClient()] });
    const signUp = await client.signUp.email({ email: "ada@example.com", password: "correct-horse-battery", name: "Ada" });
    assert.equal(signUp.error, null);
    posternToken = (await client.token()).data.token;
    assert.equal(decodeProtectedHeader(posternToken).kid, betterAuthKid, "Postern signs with better-auth's key");
    assert.equal((await jwtVerify(posternToken, jwks, expected)).payload.sub, signUp.data.user.id);

    const rotated = runPostern(["keys", "rotate"], { POSTERN_PLUGINS: "jwt", POSTERN_DATABASE_URL: server.database.url },
      { cwd: server.dir });
    assert.equal(rotated.status, 0, rotated.output);
    newKid = /New signing key (\S+)/.exec(rotated.output)[1];
    await new Promise((r) => setTimeout(r, 1_200));
    rotatedToken = (await client.token()).data.token;
    assert.equal(decodeProtectedHeader(rotatedToken).kid, newKid);
  } finally {
    await server.stop();
  }

  const second = openBetterAuthWithJwt();
  try {
    const verified = await second.auth.api.verifyJWT({ body: { token: posternToken } });
    assert.equal(verified.payload?.email, "ada@example.com", "better-auth verifies Postern's token");
    const verifiedRotated = await second.auth.api.verifyJWT({ body: { token: rotatedToken } });
    assert.equal(verifiedRotated.payload?.email, "ada@example.com", "and one signed with Postern's key");
    const signed = (await second.auth.api.signJWT({ body: { payload: { sub: "service-2" } } })).token;
    assert.equal(decodeProtectedHeader(signed).kid, newKid, "better-auth signs with Postern's newest key");
    const keys = (await second.auth.api.getJwks()).keys.map((k) => k.kid);
    assert.deepEqual(new Set(keys), new Set([betterAuthKid, newKid]));
  } finally {
    await second.close();
  }
});
