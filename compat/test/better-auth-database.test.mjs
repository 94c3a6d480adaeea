// A database written by the real better-auth (1.7.25 from npm), served by Postern, and back.
//
// Set-up: better-auth itself creates its schema (getMigrations().runMigrations()) in a fresh database (a
// better-sqlite3 file; with COMPAT_DATABASE=postgres a fresh PostgreSQL database through node-postgres), and
// signs up two users, keeping the signed session cookie it sets for the first. Then Postern starts on that
// database with the same secret; it must find nothing to migrate. Through better-auth's official client,
// both users sign in with their passwords (better-auth's scrypt hashes) and better-auth's session cookie
// resolves. Finally Postern stops, better-auth opens the database again and resolves the session of a user
// Postern signed up, and signs that user in with the password Postern hashed.
//
// One writer at a time: better-auth's connection is closed before Postern starts, and Postern is stopped
// before better-auth opens the database again.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getMigrations } from "better-auth/db/migration";
import Database from "better-sqlite3";
import pg from "pg";
import { runPostern, startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";
import { openBetterAuth as openOn, sharedDatabase } from "../lib/better-auth.mjs";

const SESSION_COOKIE = "better-auth.session_token";
const ADA = { email: "ada@example.com", password: "ada-password-1234", name: "Ada" };
const BOB = { email: "bob@example.com", password: "bob-password-5678", name: "Bob" };
const CAROL = { email: "carol@example.com", password: "carol-password-9012", name: "Carol" };

let dir;
let database; // {kind, url, file | connectionString, drop()}
let written; // what better-auth wrote: {ada: {response, body}, bob: {body}}
let schemaBefore;
let dryRun;
let server;

const openBetterAuth = () => openOn(database);

/** The schema as the database describes it: tables, columns, types, nullability, indexes. */
async function schemaOf() {
  if (database.kind === "sqlite") {
    const db = new Database(database.file, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").all();
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.connectionString, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const columns = await client.query(`SELECT table_name, column_name, data_type, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`);
    const indexes = await client.query(
      "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname");
    const constraints = await client.query(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace ORDER BY conname`);
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
  } finally {
    await client.end();
  }
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "postern-compat-better-auth-"));
  database = await sharedDatabase(dir);

  const betterAuthSide = openBetterAuth();
  try {
    const { auth } = betterAuthSide;
    const { runMigrations } = await getMigrations(auth.options);
    await runMigrations();
    const response = await auth.api.signUpEmail({ body: ADA, asResponse: true });
    assert.equal(response.status, 200, `better-auth sign-up failed: ${await response.clone().text()}`);
    const bob = await auth.api.signUpEmail({ body: BOB });
    written = { ada: { response, body: await response.json() }, bob: { body: bob } };
  } finally {
    await betterAuthSide.close();
  }

  schemaBefore = await schemaOf();
  dryRun = runPostern(["migrate", "--dry-run"],
    { POSTERN_DATABASE_URL: database.url, POSTERN_DATA_DIR: join(dir, "data") }, { cwd: dir });
  // migrate: false, so on PostgreSQL Postern refuses to start if the schema lacks anything.
  server = await startPostern({ POSTERN_RATE_LIMIT_ENABLED: "false" }, { database, migrate: false });
});

after(async () => {
  try {
    await server?.stop();
  } finally {
    try {
      await database?.drop();
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }
});

test("Postern finds nothing to migrate in the schema better-auth created, and leaves it as it is", async () => {
  const tables = database.kind === "sqlite"
    ? schemaBefore.filter((row) => row.type === "table").map((row) => row.name)
    : [...new Set(schemaBefore.columns.map((column) => column.table_name))];
  assert.deepEqual(tables.sort(), ["account", "session", "user", "verification"]);
  assert.equal(dryRun.status, 0, dryRun.output);
  assert.match(dryRun.output, /Nothing to migrate/);
  assert.doesNotMatch(server.logs(), /Migrated /);
  assert.deepEqual(await schemaOf(), schemaBefore);
});

test("users better-auth signed up sign in to Postern with their passwords", async () => {
  for (const [person, body] of [[ADA, written.ada.body], [BOB, written.bob.body]]) {
    const { client, jar } = clientFor(server);
    const { data, error } = await client.signIn.email({ email: person.email, password: person.password });
    assert.equal(error, null, `${person.email}: ${JSON.stringify(error)}`);
    assert.equal(data.user.id, body.user.id);
    assert.ok(jar.get(SESSION_COOKIE));
    const session = await client.getSession();
    assert.equal(session.data.user.email, person.email);
    assert.equal(session.data.user.name, person.name);
  }
  const { error } = await clientFor(server).client.signIn.email({ email: BOB.email, password: ADA.password });
  assert.equal(error.status, 401);
  assert.equal(error.code, "INVALID_EMAIL_OR_PASSWORD");
});

test("the session cookie better-auth issued resolves in Postern: same cookie format, same session", async () => {
  const { client, jar } = clientFor(server);
  jar.store(written.ada.response);
  assert.ok(jar.get(SESSION_COOKIE), "better-auth set no session cookie");
  const { data, error } = await client.getSession();
  assert.equal(error, null);
  assert.ok(data, "Postern did not resolve better-auth's session cookie");
  assert.equal(data.session.token, written.ada.body.token);
  assert.equal(data.user.id, written.ada.body.user.id);
  assert.equal(data.user.email, ADA.email);

  // The signature is checked: the same token signed with another secret is no session.
  const forged = clientFor(server);
  const [token] = decodeURIComponent(jar.get(SESSION_COOKIE)).split(".");
  forged.jar.cookies.set(SESSION_COOKIE, encodeURIComponent(`${token}.${"A".repeat(43)}=`));
  assert.equal((await forged.client.getSession()).data, null);
});

test("a user and session Postern created resolve in better-auth on the same database", async () => {
  const carol = clientFor(server);
  const signedUp = await carol.client.signUp.email(CAROL);
  assert.equal(signedUp.error, null, JSON.stringify(signedUp.error));
  const ada = clientFor(server);
  assert.equal((await ada.client.signIn.email({ email: ADA.email, password: ADA.password })).error, null);
  await server.stop();

  const { auth, close } = openBetterAuth();
  try {
    const session = await auth.api.getSession({ headers: new Headers({ cookie: carol.jar.header() }) });
    assert.ok(session, "better-auth did not resolve Postern's session cookie");
    assert.equal(session.user.id, signedUp.data.user.id);
    assert.equal(session.user.email, CAROL.email);
    assert.equal(session.session.token, signedUp.data.token);

    const adaSession = await auth.api.getSession({ headers: new Headers({ cookie: ada.jar.header() }) });
    assert.equal(adaSession?.user.id, written.ada.body.user.id);

    const signedIn = await auth.api.signInEmail({ body: { email: CAROL.email, password: CAROL.password } });
    assert.equal(signedIn.user.id, signedUp.data.user.id);
    await assert.rejects(auth.api.signInEmail({ body: { email: CAROL.email, password: BOB.password } }),
      (e) => e.status === "UNAUTHORIZED" || e.statusCode === 401);
  } finally {
    await close();
  }
});
