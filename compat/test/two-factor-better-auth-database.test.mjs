// Two-factor enrolments written by the real better-auth (1.7.25 from npm, twoFactor() plugin) keep working
// when Postern serves the same database: the encrypted TOTP secret (XChaCha20-Poly1305 envelope under the
// shared secret) and the encrypted backup codes are read as better-auth wrote them.
//
// Set-up, as better-auth-database.test.mjs: better-auth creates its schema (with the twoFactor table and
// user.twoFactorEnabled) in a fresh database, signs Ada up, enables TOTP for her and verifies a first code.
// Its connection is closed; Postern starts on that database with the same secret and finds nothing to
// migrate; through the official client with twoFactorClient(), Ada's sign-in is challenged and completed with
// a TOTP code from better-auth's otpauth URI, and on another device with one of better-auth's backup codes.
// Last, the other way round: Carol enrols with Postern, Postern stops, and better-auth challenges her sign-in,
// accepts her authenticator's code and decrypts the backup codes Postern stored.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { twoFactor } from "better-auth/plugins";
import { twoFactorClient } from "better-auth/client/plugins";
import { getMigrations } from "better-auth/db/migration";
import { runPostern, startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";
import { cookieHeader, openBetterAuth as openOn, sharedDatabase } from "../lib/better-auth.mjs";
import { totpCode } from "../lib/totp.mjs";

const ADA = { email: "ada@example.com", password: "ada-password-1234", name: "Ada" };
const CAROL = { email: "carol@example.com", password: "carol-password-9012", name: "Carol" };
const YAML = `plugins:
  email-password: {}
  session: {}
  two-factor: {}
`;

let dir;
let database;
let enrolment; // what better-auth handed Ada: {totpURI, backupCodes, userId}
let server;
let dryRun;

const openBetterAuth = () => openOn(database, { plugins: [twoFactor()] });

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "postern-compat-2fa-better-auth-"));
  database = await sharedDatabase(dir);

  const { auth, close } = openBetterAuth();
  try {
    const { runMigrations } = await getMigrations(auth.options);
    await runMigrations();
    const signUp = await auth.api.signUpEmail({ body: ADA, asResponse: true });
    assert.equal(signUp.status, 200);
    const userId = (await signUp.clone().json()).user.id;
    const headers = new Headers({ cookie: cookieHeader(signUp) });
    const enabled = await auth.api.enableTwoFactor({ body: { password: ADA.password }, headers });
    // better-auth answers the pre-enrolment user here; the challenge below shows 2FA is on.
    await auth.api.verifyTOTP({ body: { code: totpCode(enabled.totpURI) }, headers });
    enrolment = { totpURI: enabled.totpURI, backupCodes: enabled.backupCodes, userId };
  } finally {
    await close();
  }
  writeFileSync(join(dir, "postern.yaml"), YAML);
  dryRun = runPostern(["migrate", "--dry-run"],
    { POSTERN_DATABASE_URL: database.url, POSTERN_DATA_DIR: join(dir, "data") }, { cwd: dir });
  server = await startPostern({ POSTERN_RATE_LIMIT_ENABLED: "false" }, { yaml: YAML, database, migrate: false });
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

test("Postern finds better-auth's two-factor schema complete", async () => {
  assert.equal(dryRun.status, 0, dryRun.output);
  assert.match(dryRun.output, /Nothing to migrate/);
  assert.doesNotMatch(server.logs(), /Migrated /);
});

test("better-auth's TOTP enrolment challenges Ada's sign-in and its codes complete it in Postern", async () => {
  const { client, jar } = clientFor(server, { plugins: [twoFactorClient()] });
  const signIn = await client.signIn.email({ email: ADA.email, password: ADA.password });
  assert.equal(signIn.error, null, JSON.stringify(signIn.error));
  assert.deepEqual(signIn.data, { twoFactorRedirect: true, twoFactorMethods: ["totp"] });

  const wrong = await client.twoFactor.verifyTotp({ code: totpCode(enrolment.totpURI, Date.now() + 600_000) });
  const right = await client.twoFactor.verifyTotp({ code: totpCode(enrolment.totpURI) });
  assert.equal(wrong.error.code, "INVALID_CODE");
  assert.equal(right.error, null, JSON.stringify(right.error));
  assert.equal(right.data.user.id, enrolment.userId);
  assert.ok(jar.get("better-auth.session_token"));

  // The secret decrypts to the one better-auth put in the URI.
  const uri = await client.twoFactor.getTotpUri({ password: ADA.password });
  assert.equal(uri.error, null, JSON.stringify(uri.error));
  assert.equal(new URL(uri.data.totpURI).searchParams.get("secret"), new URL(enrolment.totpURI).searchParams.get("secret"));
});

test("better-auth's encrypted backup codes sign Ada in once each in Postern", async () => {
  const first = clientFor(server, { plugins: [twoFactorClient()] });
  assert.equal((await first.client.signIn.email({ email: ADA.email, password: ADA.password })).data.twoFactorRedirect, true);
  const used = await first.client.twoFactor.verifyBackupCode({ code: enrolment.backupCodes[0] });
  assert.equal(used.error, null, JSON.stringify(used.error));
  assert.equal(used.data.user.id, enrolment.userId);

  const second = clientFor(server, { plugins: [twoFactorClient()] });
  await second.client.signIn.email({ email: ADA.email, password: ADA.password });
  const reused = await second.client.twoFactor.verifyBackupCode({ code: enrolment.backupCodes[0] });
  assert.equal(reused.error.code, "INVALID_BACKUP_CODE");
  assert.equal((await second.client.twoFactor.verifyBackupCode({ code: enrolment.backupCodes[9] })).error, null);
});

test("a TOTP enrolment Postern wrote challenges and completes sign-in in better-auth", async () => {
  const carol = clientFor(server, { plugins: [twoFactorClient()] });
  const signedUp = await carol.client.signUp.email(CAROL);
  assert.equal(signedUp.error, null, JSON.stringify(signedUp.error));
  const enabled = await carol.client.twoFactor.enable({ password: CAROL.password });
  assert.equal((await carol.client.twoFactor.verifyTotp({ code: totpCode(enabled.data.totpURI) })).error, null);
  await server.stop();

  const { auth, close } = openBetterAuth();
  try {
    const signIn = await auth.api.signInEmail({ body: { email: CAROL.email, password: CAROL.password }, asResponse: true });
    assert.deepEqual(await signIn.clone().json(), { twoFactorRedirect: true, twoFactorMethods: ["totp"] });
    const headers = new Headers({ cookie: cookieHeader(signIn) });
    const verified = await auth.api.verifyTOTP({ body: { code: totpCode(enabled.data.totpURI) }, headers });
    assert.equal(verified.user.id, signedUp.data.user.id);
    assert.equal(typeof verified.token, "string");

    const codes = await auth.api.viewBackupCodes({ body: { userId: signedUp.data.user.id } });
    assert.deepEqual(codes.backupCodes, enabled.data.backupCodes);
  } finally {
    await close();
  }
});
