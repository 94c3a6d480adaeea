// Starts a real Postern server (the shaded jar) on a free port with a fresh database, and stops it.
// The database is SQLite unless COMPAT_DATABASE=postgres (see databases.mjs). With COMPAT_ADAPTER=servlet
// the same configuration is served through the Servlet adapter in embedded Jetty ee11 instead
// (postern-servlet's ServletCompatServer: the servlet container's class path, which
// `mvn -pl postern-servlet install` writes, plus the server jar).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createDatabase, databaseKind } from "./databases.mjs";

const repo = resolve(import.meta.dirname, "..", "..");
const jar = join(repo, "postern-server", "target", "postern-server.jar");
const java = process.env.POSTERN_JAVA || "java";
const adapter = process.env.COMPAT_ADAPTER || "jetty";

/** The java arguments that run `serve`: the jar's own, or the Servlet adapter's launcher. */
function serveArgs() {
  if (adapter === "jetty") return ["-jar", jar, "serve"];
  if (adapter !== "servlet") throw new Error(`COMPAT_ADAPTER: expected jetty or servlet, got ${adapter}`);
  const target = join(repo, "postern-servlet", "target");
  const classpathFile = join(target, "compat-classpath.txt");
  if (!existsSync(classpathFile)) {
    throw new Error(`${classpathFile} is missing; run mvn -pl postern-servlet -am install -DskipTests first`);
  }
  // The shaded jar brings Postern itself, as in the jar runs; the file lists the servlet container.
  const classpath = [join(target, "test-classes"), join(target, "classes"), readFileSync(classpathFile, "utf8").trim(), jar];
  return ["-cp", classpath.join(":"), "dev.postern.servlet.compat.ServletCompatServer"];
}
export const SECRET = "compat-suite-secret-that-is-long-enough-0123456789";

// Servers still running when this process exits (a crash, an uncaught failure, a signal) are killed with it.
const running = new Set();
const killRunning = () => {
  for (const child of running) child.kill("SIGKILL");
};
process.on("exit", killRunning);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, () => {
    killRunning();
    process.kill(process.pid, signal); // the default action, now that this handler is gone
  });
}

async function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/**
 * Runs a one-shot CLI command of the jar (e.g. ["migrate", "--dry-run"]) with `env` added; at most 60 s.
 * Resolves to {status, output} (stdout and stderr together).
 */
export function runPostern(args, env = {}, { cwd = tmpdir() } = {}) {
  const result = spawnSync(java, ["--enable-native-access=ALL-UNNAMED", "-jar", jar, ...args], {
    cwd,
    env: { ...process.env, POSTERN_SECRET: SECRET, ...env },
    encoding: "utf8",
    timeout: 60_000,
    killSignal: "SIGKILL",
  });
  if (result.error) throw new Error(`postern ${args.join(" ")}: ${result.error.message}`);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/**
 * Starts Postern; `env` adds or overrides POSTERN_* settings, `yaml` (text) becomes the server's
 * ./postern.yaml (plugin options live only there). The database is a fresh one of COMPAT_DATABASE's kind,
 * dropped on stop(), unless `database` (from createDatabase, owned by the caller) or env.POSTERN_DATABASE_URL
 * is given. A server database is started with `serve --migrate` unless `migrate` is false (then Postern
 * refuses to start when the schema lacks anything). Resolves to {url, origin, dir, database, stop, logs}.
 * Polls /ok for at most 60 s.
 */
export async function startPostern(env = {}, { yaml, database, migrate = true } = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "postern-compat-"));
  let owned;
  try {
    if (!database && !env.POSTERN_DATABASE_URL) owned = database = await createDatabase(databaseKind(), dir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const databaseUrl = env.POSTERN_DATABASE_URL ?? database.url;
  const cleanUp = async () => {
    try {
      await owned?.drop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  if (yaml) writeFileSync(join(dir, "postern.yaml"), yaml);
  const origin = `http://127.0.0.1:${port}`;
  const args = ["--enable-native-access=ALL-UNNAMED", ...serveArgs()];
  if (migrate && !databaseUrl.startsWith("sqlite:")) args.push("--migrate");
  const child = spawn(java, args, {
    cwd: dir,
    env: {
      ...process.env,
      POSTERN_PORT: String(port),
      POSTERN_BASE_URL: origin,
      POSTERN_SECRET: SECRET,
      POSTERN_DATA_DIR: join(dir, "data"),
      ...env,
      POSTERN_DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let logs = "";
  child.stdout.on("data", (d) => (logs += d));
  child.stderr.on("data", (d) => (logs += d));
  let exitStatus = null;
  const exited = new Promise((ok) => {
    child.once("exit", (code, signal) => ok((exitStatus ??= code ?? signal)));
    child.on("error", (e) => {
      logs += `\n${e.message}`;
      ok((exitStatus ??= e.code ?? "error")); // not started, or a signal could not be sent
    });
  });
  exited.then(() => running.delete(child));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitStatus !== null) {
      await cleanUp();
      throw new Error(`Postern exited with ${exitStatus}:\n${logs}`);
    }
    try {
      const res = await fetch(`${origin}/api/auth/ok`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      await exited;
      await cleanUp();
      throw new Error(`Postern did not answer /ok within 60 s:\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let stopped;
  return {
    origin,
    url: `${origin}/api/auth`,
    dir,
    database: database ?? { url: databaseUrl },
    logs: () => logs,
    stop() {
      stopped ??= (async () => {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
        await cleanUp();
      })();
      return stopped;
    },
  };
}
