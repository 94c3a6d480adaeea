// Passkeys across better-auth and Postern on one database, with better-auth's own passkey plugin
// (@better-auth/passkey, SimpleWebAuthn on the server) on the other side.
//
// better-auth creates its schema with the passkey table, signs Ada up and registers a passkey for her
// through passkeyClient() (its handler called in-process). Postern, started on that database, finds nothing
// to migrate and signs Ada in with that passkey, then registers a second one. Postern stops; better-auth
// opens the database again and signs Ada in with the passkey Postern stored. One writer at a time.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { betterAuth } from "better-auth";
import { createAuthClient } from "better-auth/client";
import { getMigrations } from "better-auth/db/migration";
import { passkey } from "@better-auth/passkey";
import { passkeyClient } from "@better-auth/passkey/client";
import Database from "better-sqlite3";
import pg from "pg";
import { SoftAuthenticator, installAuthenticator } from "../lib/authenticator.mjs";
import { SECRET, runPostern, startPostern } from "../lib/server.mjs";
import { CookieJar, clientFor } from "../lib/client.mjs";
import { createDatabase, databaseKind } from "../lib/databases.mjs";

const BETTER_AUTH_URL = "http://127.0.0.1:3000";
const ADA = { email: "ada@example.com", password: "ada-password-1234", name: "Ada" };

let dir;
let database;
const authenticator = new SoftAuthenticator();
let registeredByBetterAuth;

/** better-auth with its passkey plugin on the test database; the relying party is 127.0.0.1, as Postern's. */
function openBetterAuth() {
  let close;
  let connection;
  if (database.kind === "sqlite") {
    connection = new Database(database.file);
    close = async () => connection.close();
  } else {
    connection = new pg.Pool({ connectionString: database.connectionString, max: 2, connectionTimeoutMillis: 5_000 });
    close = () => connection.end();
  }
  const auth = betterAuth({
    database: connection,
    secret: SECRET,
    baseURL: BETTER_AUTH_URL,
    emailAndPassword: { enabled: true },
    plugins: [passkey({ rpID: "127.0.0.1", rpName: "Compat" })],
    logger: { disabled: true },
  });
  return { auth, close };
}

/** better-auth's client talking to an in-process better-auth handler, with a cookie jar. */
function handlerClient(auth) {
  const jar = new CookieJar();
  const customFetchImpl = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    const cookie = jar.header();
    if (cookie) headers.set("cookie", cookie);
    headers.set("origin", BETTER_AUTH_URL);
    const response = await auth.handler(new Request(input, { ...init, headers }));
    jar.store(response);
    return response;
  };
  return createAuthClient({ baseURL: BETTER_AUTH_URL, plugins: [passkeyClient()], fetchOptions: { customFetchImpl } });
}

before(async () => {
  installAuthenticator(authenticator);
  dir = mkdtempSync(join(tmpdir(), "postern-compat-passkey-"));
  const kind = databaseKind();
  database = kind === "sqlite"
    ? { kind, file: join(dir, "better-auth.db"), url: `sqlite:${join(dir, "better-auth.db")}`, async drop() {} }
    : await createDatabase(kind, dir);

  const { auth, close } = openBetterAuth();
  try {
    await (await getMigrations(auth.options)).runMigrations();
    const client = handlerClient(auth);
    const signUp = await client.signUp.email(ADA);
    assert.equal(signUp.error, null, JSON.stringify(signUp.error));
    authenticator.origin = BETTER_AUTH_URL;
    const added = await client.passkey.addPasskey({ name: "from better-auth" });
    assert.equal(added.error, null, `better-auth registration failed: ${JSON.stringify(added.error)}`);
    registeredByBetterAuth = added.data;
  } finally {
    await close();
  }
});

after(async () => {
  try {
    await database?.drop();
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

test("Postern signs in with a passkey better-auth registered, and better-auth with one Postern registered", async () => {
  const env = { POSTERN_PLUGINS: "passkey", POSTERN_RATE_LIMIT_ENABLED: "false" };
  const dryRun = runPostern(["migrate", "--dry-run"],
    { ...env, POSTERN_DATABASE_URL: database.url, POSTERN_DATA_DIR: join(dir, "data") }, { cwd: dir });
  assert.equal(dryRun.status, 0, dryRun.output);
  assert.match(dryRun.output, /Nothing to migrate/);

  const server = await startPostern(env, { database, migrate: false });
  let registeredByPostern;
  try {
    authenticator.origin = server.origin;
    const { client } = clientFor(server, { plugins: [passkeyClient()] });
    const signedIn = await client.signIn.passkey();
    assert.equal(signedIn.error, null, JSON.stringify(signedIn.error));
    assert.equal(signedIn.data.user.email, ADA.email);
    const listed = await client.passkey.listUserPasskeys();
    assert.deepEqual(listed.data.map((p) => [p.id, p.name, p.publicKey]),
      [[registeredByBetterAuth.id, "from better-auth", registeredByBetterAuth.publicKey]]);
    assert.ok(listed.data[0].counter >= 1, "Postern did not store the new counter");

    const added = await client.passkey.addPasskey({ name: "from Postern" });
    assert.equal(added.error, null, JSON.stringify(added.error));
    registeredByPostern = added.data;
  } finally {
    await server.stop();
  }

  const { auth, close } = openBetterAuth();
  try {
    authenticator.origin = BETTER_AUTH_URL;
    const client = handlerClient(auth);
    const signedIn = await client.signIn.passkey(); // the newest credential: the one Postern stored
    assert.equal(signedIn.error, null, `better-auth refused Postern's passkey: ${JSON.stringify(signedIn.error)}`);
    assert.equal(signedIn.data.user.email, ADA.email);
    const listed = await client.passkey.listUserPasskeys();
    const stored = listed.data.find((p) => p.id === registeredByPostern.id);
    assert.equal(stored.name, "from Postern");
    assert.equal(stored.counter, 1);
  } finally {
    await close();
  }
});
