// The two-factor plugin through better-auth's official client with twoFactorClient(): TOTP enrolment with
// codes an authenticator would compute (node:crypto HMAC over the URI's secret), the sign-in challenge,
// trusted devices, backup codes, and one-time codes read from mail delivered over real SMTP.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { twoFactorClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";
import { startMailbox } from "../lib/mailbox.mjs";
import { totpCode } from "../lib/totp.mjs";

const PASSWORD = "correct horse battery";
const SESSION_COOKIE = "better-auth.session_token";
const TWO_FACTOR_COOKIE = "better-auth.two_factor";
const TRUST_DEVICE_COOKIE = "better-auth.trust_device";

// OTP codes go out through the configured mailer (POSTERN_SMTP_* from the mailbox).
const YAML = `plugins:
  email-password: {}
  session: {}
  two-factor:
    issuer: Postern Compat
    otpOptions: { sendOTP: email }
`;

let mailbox;
let server;
let redirects;

/** A client with the two-factor plugin; sign-ins that need a second factor are recorded in `redirects`. */
function browser() {
  return clientFor(server, {
    plugins: [twoFactorClient({ onTwoFactorRedirect: ({ twoFactorMethods }) => redirects.push(twoFactorMethods) })],
  });
}

/** Signs up a fresh user, enables TOTP and verifies the first code. */
async function enrolled(label) {
  const email = `${label}-${Date.now()}@example.com`;
  const owner = browser();
  assert.equal((await owner.client.signUp.email({ email, password: PASSWORD, name: label })).error, null);
  const enabled = await owner.client.twoFactor.enable({ password: PASSWORD });
  assert.equal(enabled.error, null, JSON.stringify(enabled.error));
  const verified = await owner.client.twoFactor.verifyTotp({ code: totpCode(enabled.data.totpURI) });
  assert.equal(verified.error, null, JSON.stringify(verified.error));
  return { email, owner, uri: enabled.data.totpURI, backupCodes: enabled.data.backupCodes };
}

/** A password sign-in that must stop at the challenge. */
async function challenged(email, existing = browser()) {
  const before = redirects.length;
  const { data, error } = await existing.client.signIn.email({ email, password: PASSWORD });
  assert.equal(error, null, JSON.stringify(error));
  assert.equal(data.twoFactorRedirect, true);
  assert.equal(redirects.length, before + 1, "onTwoFactorRedirect was not called");
  assert.equal(existing.jar.get(SESSION_COOKIE), undefined);
  assert.ok(existing.jar.get(TWO_FACTOR_COOKIE));
  return { ...existing, methods: data.twoFactorMethods };
}

before(async () => {
  redirects = [];
  mailbox = await startMailbox();
  // better-auth limits /two-factor/* to 3 requests per 10 s; the Java tests cover that rule.
  server = await startPostern({ ...mailbox.env, POSTERN_RATE_LIMIT_ENABLED: "false" }, { yaml: YAML });
});
after(async () => {
  await server?.stop();
  await mailbox?.close();
});

test("enable answers an otpauth URI and ten backup codes; the first code turns two-factor on", async () => {
  const email = `enrol-${Date.now()}@example.com`;
  const { client } = browser();
  await client.signUp.email({ email, password: PASSWORD, name: "Enrol" });

  const wrongPassword = await client.twoFactor.enable({ password: "not it" });
  const { data, error } = await client.twoFactor.enable({ password: PASSWORD });
  assert.equal(wrongPassword.error.status, 400);
  assert.equal(wrongPassword.error.code, "INVALID_PASSWORD");
  assert.equal(error, null);
  assert.equal(data.method, "totp");
  assert.match(data.totpURI, new RegExp(`^otpauth://totp/Postern%20Compat:${encodeURIComponent(email)}\\?secret=[A-Z2-7]{52}&issuer=Postern\\+Compat&digits=6&period=30$`));
  assert.equal(data.backupCodes.length, 10);
  for (const code of data.backupCodes) assert.match(code, /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);
  assert.equal((await client.getSession()).data.user.twoFactorEnabled, false);

  const wrong = await client.twoFactor.verifyTotp({ code: totpCode(data.totpURI, Date.now() + 300_000) });
  const right = await client.twoFactor.verifyTotp({ code: totpCode(data.totpURI) });
  assert.equal(wrong.error.status, 401);
  assert.equal(wrong.error.code, "INVALID_CODE");
  assert.equal(right.error, null);
  assert.equal(right.data.user.twoFactorEnabled, true);
  assert.equal((await client.getSession()).data.user.twoFactorEnabled, true);
  const uri = await client.twoFactor.getTotpUri({ password: PASSWORD });
  assert.equal(uri.data.totpURI, data.totpURI);
});

test("a password sign-in is a challenge that a TOTP code completes, and trustDevice skips the next one", async () => {
  const { email, uri } = await enrolled("challenge");
  const tab = await challenged(email);
  assert.deepEqual(tab.methods, ["totp", "otp"]);
  assert.deepEqual(redirects.at(-1), ["totp", "otp"]);
  assert.equal((await tab.client.getSession()).data, null);

  const { data, error } = await tab.client.twoFactor.verifyTotp({ code: totpCode(uri), trustDevice: true });
  assert.equal(error, null, JSON.stringify(error));
  assert.equal(data.user.email, email);
  assert.ok(tab.jar.get(TRUST_DEVICE_COOKIE));
  assert.equal(tab.jar.get(TWO_FACTOR_COOKIE), undefined);
  assert.equal((await tab.client.getSession()).data.user.email, email);

  await tab.client.signOut();
  const trust = tab.jar.get(TRUST_DEVICE_COOKIE);
  const again = await tab.client.signIn.email({ email, password: PASSWORD });
  assert.equal(again.error, null);
  assert.equal(again.data.twoFactorRedirect, undefined);
  assert.equal(again.data.user.email, email);
  assert.notEqual(tab.jar.get(TRUST_DEVICE_COOKIE), trust, "the trust cookie rotates on use");
});

test("a backup code completes the challenge once", async () => {
  const { email, backupCodes } = await enrolled("backup");
  const first = await challenged(email);
  const used = await first.client.twoFactor.verifyBackupCode({ code: backupCodes[0] });
  assert.equal(used.error, null, JSON.stringify(used.error));
  assert.equal((await first.client.getSession()).data.user.email, email);

  const second = await challenged(email);
  const reused = await second.client.twoFactor.verifyBackupCode({ code: backupCodes[0] });
  assert.equal(reused.error.status, 401);
  assert.equal(reused.error.code, "INVALID_BACKUP_CODE");
  assert.equal((await second.client.twoFactor.verifyBackupCode({ code: backupCodes[1] })).error, null);
});

test("sendOtp mails a code over SMTP and verifyOtp completes the challenge with it", async () => {
  const { email } = await enrolled("otp");
  const tab = await challenged(email);
  const since = mailbox.messages.length;

  const sent = await tab.client.twoFactor.sendOtp();
  const message = await mailbox.waitFor(email, { since });
  const code = mailbox.code(message);
  const wrong = await tab.client.twoFactor.verifyOtp({ code: code === "000000" ? "111111" : "000000" });
  const right = await tab.client.twoFactor.verifyOtp({ code });

  assert.deepEqual(sent.data, { status: true });
  assert.equal(wrong.error.status, 401);
  assert.equal(wrong.error.code, "INVALID_CODE");
  assert.equal(right.error, null, JSON.stringify(right.error));
  assert.equal((await tab.client.getSession()).data.user.email, email);
});

test("generateBackupCodes replaces the set and disable turns two-factor off", async () => {
  const { email, owner, backupCodes } = await enrolled("manage");
  const fresh = await owner.client.twoFactor.generateBackupCodes({ password: PASSWORD });
  assert.equal(fresh.error, null);
  assert.equal(fresh.data.status, true);
  assert.equal(fresh.data.backupCodes.length, 10);
  const tab = await challenged(email);
  assert.equal((await tab.client.twoFactor.verifyBackupCode({ code: backupCodes[0] })).error.code, "INVALID_BACKUP_CODE");

  const disabled = await owner.client.twoFactor.disable({ password: PASSWORD });
  assert.deepEqual(disabled.data, { status: true });
  assert.equal((await owner.client.getSession()).data.user.twoFactorEnabled, false);
  const plain = await browser().client.signIn.email({ email, password: PASSWORD });
  assert.equal(plain.data.twoFactorRedirect, undefined);
  assert.equal(plain.data.user.email, email);
});
