// The real better-auth (npm, pinned in package.json) on Node's http server: the comparison point of
// bench/run.sh. Configured like the Postern under test: core email/password flows only, no other plugin,
// rate limiting off, better-auth's default scrypt (N=16384, r=16, p=1, 64-byte key), cookie cache only
// when asked. Migrates its own schema with better-auth's own migrator before it listens.
//
// Environment (all required except BA_COOKIE_CACHE):
//   BA_PORT          port on 127.0.0.1
//   BA_DATABASE      sqlite:<file> | postgres://user@127.0.0.1:5432/db
//   BA_SECRET        the same secret Postern gets
//   BA_COOKIE_CACHE  "1" to turn session.cookieCache on (better-auth's default strategy: compact)
// Prints "listening <port>" once it accepts requests.
import http from "node:http";
import { betterAuth } from "better-auth";
import { toNodeHandler } from "better-auth/node";
import { getMigrations } from "better-auth/db/migration";

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`better-auth bench server: ${name} is required`);
    process.exit(2);
  }
  return value;
}

async function openDatabase(url) {
  if (url.startsWith("sqlite:")) {
    const { default: Database } = await import("better-sqlite3");
    return new Database(url.slice("sqlite:".length));
  }
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const { Pool } = await import("pg");
    return new Pool({ connectionString: url });
  }
  throw new Error(`BA_DATABASE: sqlite:<file> or postgres://..., was ${url}`);
}

const port = Number(required("BA_PORT"));
const baseURL = `http://127.0.0.1:${port}`;
const options = {
  baseURL,
  basePath: "/api/auth",
  secret: required("BA_SECRET"),
  database: await openDatabase(required("BA_DATABASE")),
  emailAndPassword: { enabled: true },
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  logger: { level: "error" },
  session: process.env.BA_COOKIE_CACHE === "1" ? { cookieCache: { enabled: true, maxAge: 300 } } : {},
};

const { runMigrations } = await getMigrations(options);
await runMigrations();

const auth = betterAuth(options);
const server = http.createServer(toNodeHandler(auth));
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => console.log(`listening ${port}`));

function shutdown() {
  server.close();
  server.closeAllConnections?.();
  const db = options.database;
  Promise.resolve(typeof db.end === "function" ? db.end() : db.close?.()).finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
