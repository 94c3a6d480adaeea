// Asks the real better-auth which tables, columns and indexes it would create in a database, and
// optionally creates them. Used by MigratorBetterAuthCompatibilityTest to check that Postern and better-auth
// each accept the schema the other created.
//
// usage: node better-auth-migrations.mjs <sqlite|postgres|mysql> <file-or-url> <check|migrate> [two-factor]
// prints one line per planned change ("created <table>", "added <table>.<column>", "index <name>"),
// then "--- sql" and the SQL better-auth generated for them.
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import { twoFactor } from "better-auth/plugins";

const [kind, target, action, ...flags] = process.argv.slice(2);

async function open() {
  switch (kind) {
    case "sqlite": {
      const { default: Database } = await import("better-sqlite3");
      const db = new Database(target);
      return { database: db, close: async () => db.close() };
    }
    case "postgres": {
      const { default: pg } = await import("pg");
      const pool = new pg.Pool({ connectionString: target });
      return { database: pool, close: () => pool.end() };
    }
    case "mysql": {
      const mysql = await import("mysql2/promise");
      const pool = mysql.createPool(target);
      return { database: pool, close: () => pool.end() };
    }
    default:
      throw new Error(`unknown database kind ${kind}`);
  }
}

const { database, close } = await open();
try {
  const auth = betterAuth({
    database,
    secret: "postern-compat-test-secret-0123456789abcdef",
    baseURL: "http://localhost:3000",
    emailAndPassword: { enabled: true },
    plugins: flags.includes("two-factor") ? [twoFactor()] : [],
    logger: { disabled: true },
  });
  const plan = await getMigrations(auth.options);
  const lines = [];
  for (const table of plan.toBeCreated) lines.push(`created ${table.table}`);
  for (const table of plan.toBeAdded) {
    for (const field of Object.keys(table.fields)) lines.push(`added ${table.table}.${field}`);
  }
  for (const index of plan.toBeAddedIndexes) lines.push(`index ${index.name}`);
  const sql = lines.length ? await plan.compileMigrations() : "";
  if (action === "migrate") await plan.runMigrations();
  console.log(lines.join("\n"));
  console.log("--- sql");
  console.log(sql);
} finally {
  await close();
}
