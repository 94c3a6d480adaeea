// Starts a real Postern server (the shaded jar) on a free port with a fresh SQLite database, and stops it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const repo = resolve(import.meta.dirname, "..", "..");
const jar = join(repo, "postern-server", "target", "postern-server.jar");
export const SECRET = "compat-suite-secret-that-is-long-enough-0123456789";

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
 * Starts Postern; `env` adds or overrides POSTERN_* settings, `yaml` (text) becomes the server's
 * ./postern.yaml (plugin options live only there). Resolves to {url, origin, stop, logs}.
 * Polls /ok for at most 60 s.
 */
export async function startPostern(env = {}, { yaml } = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "postern-compat-"));
  if (yaml) writeFileSync(join(dir, "postern.yaml"), yaml);
  const origin = `http://127.0.0.1:${port}`;
  const java = process.env.POSTERN_JAVA || "java";
  const child = spawn(java, ["--enable-native-access=ALL-UNNAMED", "-jar", jar, "serve"], {
    cwd: dir,
    env: {
      ...process.env,
      POSTERN_PORT: String(port),
      POSTERN_BASE_URL: origin,
      POSTERN_SECRET: SECRET,
      POSTERN_DATABASE_URL: `sqlite:${join(dir, "postern.db")}`,
      POSTERN_DATA_DIR: join(dir, "data"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let logs = "";
  child.stdout.on("data", (d) => (logs += d));
  child.stderr.on("data", (d) => (logs += d));
  const exited = new Promise((ok) => child.once("exit", (code) => ok(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Postern exited with ${child.exitCode}:\n${logs}`);
    try {
      const res = await fetch(`${origin}/api/auth/ok`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Postern did not answer /ok within 60 s:\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    url: `${origin}/api/auth`,
    dir,
    logs: () => logs,
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
