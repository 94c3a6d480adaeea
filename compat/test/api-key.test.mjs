// The api-key plugin through better-auth's official client plugin, `apiKeyClient()` from
// `@better-auth/api-key/client`: a signed-in user creates, lists, reads, updates and deletes keys, and a
// client with no cookies authenticates with `x-api-key` (enableSessionForAPIKeys).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { createAuthClient } from "better-auth/client";
import { apiKeyClient } from "@better-auth/api-key/client";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
let server;
let counter = 0;

before(async () => {
  server = await startPostern(
    { POSTERN_RATE_LIMIT_ENABLED: "false" },
    { yaml: "plugins:\n  api-key: { enableSessionForAPIKeys: true, enableMetadata: true }\n" },
  );
});
after(async () => {
  await server?.stop();
});

/** The `key` column of the apikey row `id`, read from the server's database directly. */
async function storedKeyColumn(id) {
  const { database } = server;
  if (database.kind === "sqlite") {
    const db = new Database(database.file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT "key" FROM "apikey" WHERE "id" = ?').get(id).key;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.connectionString });
  await client.connect();
  try {
    return (await client.query('SELECT "key" FROM "apikey" WHERE "id" = $1', [id])).rows[0].key;
  } finally {
    await client.end();
  }
}

/** A signed-in browser-like client with the api-key client plugin. */
async function signedIn() {
  const email = `keys${++counter}-${Date.now()}@example.com`;
  const { client } = clientFor(server, { plugins: [apiKeyClient()] });
  const signUp = await client.signUp.email({ email, password: PASSWORD, name: "Keys" });
  assert.equal(signUp.error, null, `sign-up failed: ${JSON.stringify(signUp.error)}`);
  return { client, email, userId: signUp.data.user.id };
}

test("create returns the key once; list, get, update and delete work on it", async () => {
  const { client, userId } = await signedIn();

  const created = await client.apiKey.create({ name: "ci", prefix: "pk_", expiresIn: 7 * 86400, metadata: { env: "ci" } });
  assert.equal(created.error, null, JSON.stringify(created.error));
  assert.match(created.data.key, /^pk_[a-zA-Z]{64}$/);
  assert.equal(created.data.start, created.data.key.slice(0, 6));
  assert.equal(created.data.referenceId, userId);
  assert.deepEqual(created.data.metadata, { env: "ci" });
  assert.ok(Date.parse(created.data.expiresAt) > Date.now() + 6 * 86400_000);

  const listed = await client.apiKey.list();
  assert.equal(listed.error, null, JSON.stringify(listed.error));
  assert.equal(listed.data.total, 1);
  assert.equal(listed.data.apiKeys[0].id, created.data.id);
  assert.equal(listed.data.apiKeys[0].key, undefined);

  const fetched = await client.apiKey.get({ query: { id: created.data.id } });
  assert.equal(fetched.error, null, JSON.stringify(fetched.error));
  assert.equal(fetched.data.name, "ci");

  const updated = await client.apiKey.update({ keyId: created.data.id, name: "renamed", enabled: false });
  assert.equal(updated.error, null, JSON.stringify(updated.error));
  assert.equal(updated.data.name, "renamed");
  assert.equal(updated.data.enabled, false);

  const deleted = await client.apiKey.delete({ keyId: created.data.id });
  assert.equal(deleted.error, null, JSON.stringify(deleted.error));
  assert.equal(deleted.data.success, true);
  assert.equal((await client.apiKey.list()).data.total, 0);
  const gone = await client.apiKey.get({ query: { id: created.data.id } });
  assert.equal(gone.error.status, 404);
  assert.equal(gone.error.code, "KEY_NOT_FOUND");
});

test("server-only fields and bad values are refused with better-auth's codes", async () => {
  const { client } = await signedIn();

  const serverOnly = await client.apiKey.create({ remaining: 5 });
  assert.equal(serverOnly.error.status, 400);
  assert.equal(serverOnly.error.code, "SERVER_ONLY_PROPERTY");
  const tooShort = await client.apiKey.create({ expiresIn: 60 });
  assert.equal(tooShort.error.code, "EXPIRES_IN_IS_TOO_SMALL");
  const { data } = await client.apiKey.create({ name: "x" });
  const noValues = await client.apiKey.update({ keyId: data.id });
  assert.equal(noValues.error.code, "NO_VALUES_TO_UPDATE");
  const anonymous = await clientFor(server, { plugins: [apiKeyClient()] }).client.apiKey.create({ name: "x" });
  assert.equal(anonymous.error.status, 401);
  assert.equal(anonymous.error.code, "UNAUTHORIZED_SESSION");
});

test("a request with x-api-key is authenticated as the key's owner, without cookies", async () => {
  const { client, email, userId } = await signedIn();
  const { data } = await client.apiKey.create({ name: "service" });
  // Stored as better-auth's defaultKeyHasher stores it: base64url without padding of SHA-256(key).
  assert.equal(await storedKeyColumn(data.id), createHash("sha256").update(data.key).digest("base64url"));

  const service = createAuthClient({
    baseURL: server.origin,
    fetchOptions: {
      customFetchImpl: async (input, init = {}) => {
        const headers = new Headers(init.headers);
        assert.equal(headers.get("cookie"), null);
        headers.set("x-api-key", data.key);
        return fetch(input, { ...init, headers });
      },
    },
  });
  const session = await service.getSession();
  assert.equal(session.error, null, JSON.stringify(session.error));
  assert.equal(session.data.user.email, email);
  assert.equal(session.data.session.userId, userId);
  assert.equal(session.data.session.id, data.id);

  const renamed = await service.updateUser({ name: "Via key" });
  assert.equal(renamed.error, null, JSON.stringify(renamed.error));
  assert.equal((await client.getSession({ query: { disableCookieCache: true } })).data.user.name, "Via key");

  const bad = await fetch(`${server.origin}/api/auth/get-session`, { headers: { "x-api-key": "x".repeat(64) } });
  assert.equal(bad.status, 401);
  assert.equal((await bad.json()).code, "INVALID_API_KEY");
});
