// The database a compat server runs on, chosen by COMPAT_DATABASE=sqlite|postgres (default sqlite).
//
// PostgreSQL: the local server on 127.0.0.1 (port COMPAT_PG_PORT, default 5432) with trust authentication,
// as for the Java tests: role COMPAT_PG_USER, else `postgres`, else `root`; the administrative connection
// goes to the database `test`, else `postgres`. Every server gets a fresh database, dropped when it stops.
//
// `node lib/databases.mjs check` exits 0 when PostgreSQL can be used, 1 (with the reason) when not.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";

export const KINDS = ["sqlite", "postgres"];

/** The kind of database for this run, from COMPAT_DATABASE. */
export function databaseKind() {
  const kind = (process.env.COMPAT_DATABASE || "sqlite").toLowerCase();
  if (!KINDS.includes(kind)) throw new Error(`COMPAT_DATABASE=${kind}: expected one of ${KINDS.join(", ")}`);
  return kind;
}

const PG_HOST = "127.0.0.1";
const PG_PORT = Number(process.env.COMPAT_PG_PORT || 5432);
const CONNECT_TIMEOUT_MS = 5_000;
const QUERY_TIMEOUT_MS = 30_000;

let admin; // {user, database} that worked, once found

async function connect(user, database) {
  const client = new pg.Client({
    host: PG_HOST,
    port: PG_PORT,
    user,
    database,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
  });
  client.on("error", () => {}); // a dropped connection surfaces on the next query
  try {
    await client.connect();
    return client;
  } catch (e) {
    await client.end().catch(() => {});
    throw e;
  }
}

/** An administrative connection; the caller ends it. Throws with every attempt's reason when none works. */
async function adminClient() {
  if (admin) return connect(admin.user, admin.database);
  const users = process.env.COMPAT_PG_USER ? [process.env.COMPAT_PG_USER] : ["postgres", "root"];
  const reasons = [];
  for (const user of users) {
    for (const database of ["test", "postgres"]) {
      try {
        const client = await connect(user, database);
        admin = { user, database };
        return client;
      } catch (e) {
        reasons.push(`${user}@${database}: ${e.message}`);
      }
    }
  }
  throw new Error(`PostgreSQL on ${PG_HOST}:${PG_PORT} is not usable (${reasons.join("; ")})`);
}

async function adminQuery(sql) {
  const client = await adminClient();
  try {
    return await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Null when PostgreSQL can be used (connects and may create databases), else the reason. */
export async function postgresUnavailableReason() {
  try {
    const { rows } = await adminQuery(
      "SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user");
    return rows[0]?.ok ? null : `role ${admin.user} may not create databases`;
  } catch (e) {
    return e.message;
  }
}

/** Drops a compat database, closing its connections (WITH (FORCE) needs PostgreSQL 13). */
async function dropPostgres(name) {
  try {
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } catch (e) {
    if (e.code !== "42601") throw e; // syntax error: PostgreSQL 12
    await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    await adminQuery(`DROP DATABASE IF EXISTS "${name}"`);
  }
}

/**
 * A fresh database of `kind` ("sqlite": a file in `dir`; "postgres": a new database). Resolves to
 * {kind, url (POSTERN_DATABASE_URL), file (sqlite), connectionString (postgres, for node-postgres), drop()}.
 */
export async function createDatabase(kind, dir) {
  if (kind === "sqlite") {
    const file = join(dir, "postern.db");
    return { kind, url: `sqlite:${file}`, file, async drop() {} };
  }
  const name = `postern_compat_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const user = admin.user;
  let dropped = false;
  return {
    kind,
    name,
    url: `jdbc:postgresql://${PG_HOST}:${PG_PORT}/${name}?user=${encodeURIComponent(user)}`,
    connectionString: `postgres://${encodeURIComponent(user)}@${PG_HOST}:${PG_PORT}/${name}`,
    async drop() {
      if (dropped) return;
      dropped = true;
      await dropPostgres(name);
    },
  };
}

if (import.meta.filename === process.argv[1] && process.argv[2] === "check") {
  const reason = await postgresUnavailableReason();
  if (reason) console.error(reason);
  process.exit(reason ? 1 : 0);
}
