// The real better-auth (from npm) on a compat test's database, for tests that share one database between
// better-auth and Postern. One writer at a time: close better-auth before Postern starts, and the reverse.
import { join } from "node:path";
import { betterAuth } from "better-auth";
import Database from "better-sqlite3";
import pg from "pg";
import { SECRET } from "./server.mjs";
import { createDatabase, databaseKind } from "./databases.mjs";

/**
 * A fresh database of COMPAT_DATABASE's kind for both sides: a better-sqlite3 file in `dir`, or a PostgreSQL
 * database from createDatabase. Resolves to {kind, url, file | connectionString, drop()}.
 */
export async function sharedDatabase(dir) {
  const kind = databaseKind();
  if (kind !== "sqlite") return createDatabase(kind, dir);
  const file = join(dir, "better-auth.db");
  return { kind, file, url: `sqlite:${file}`, async drop() {} };
}

/** better-auth on `database` with Postern's secret and `plugins`; close() releases the connection. */
export function openBetterAuth(database, { plugins = [] } = {}) {
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
    baseURL: "http://127.0.0.1:3000",
    emailAndPassword: { enabled: true },
    plugins,
    logger: { disabled: true },
  });
  return { auth, close };
}

/** The Cookie header a browser would send after better-auth's `response` (expired cookies left out). */
export function cookieHeader(response) {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).filter((c) => !c.endsWith("=")).join("; ");
}
