// The real better-auth (1.7.25 from npm) on a compat test database, for tests that share a database between
// better-auth and Postern (one writer at a time: close better-auth before Postern starts).
import { join } from "node:path";
import { betterAuth } from "better-auth";
import Database from "better-sqlite3";
import pg from "pg";
import { SECRET } from "./server.mjs";
import { createDatabase, databaseKind } from "./databases.mjs";

/**
 * A fresh database of COMPAT_DATABASE's kind in `dir` that both sides can open: a better-sqlite3 file, or
 * a PostgreSQL database (createDatabase). {kind, url, file | connectionString, drop()}.
 */
export async function sharedDatabase(dir) {
  const kind = databaseKind();
  return kind === "sqlite"
    ? { kind, file: join(dir, "better-auth.db"), url: `sqlite:${join(dir, "better-auth.db")}`, async drop() {} }
    : await createDatabase(kind, dir);
}

/**
 * better-auth on `database` with Postern's compat secret, email and password on, and `options` merged in
 * (e.g. plugins); close() releases the connection.
 */
export function openBetterAuth(database, options = {}) {
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
    logger: { disabled: true },
    ...options,
  });
  return { auth, close };
}

/** The Cookie header a browser would send after better-auth's `response` (expired cookies left out). */
export function cookieHeader(response) {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).filter((c) => !c.endsWith("=")).join("; ");
}
