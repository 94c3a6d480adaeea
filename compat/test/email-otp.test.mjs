// better-auth's official client with emailOTPClient() against the email-otp plugin of the real server jar;
// codes are read from mail delivered over real SMTP (lib/mailbox.mjs).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { emailOTPClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";
import { startMailbox } from "../lib/mailbox.mjs";

const PASSWORD = "correct horse battery";
const YAML = `plugins:
  email-otp:
    storeOTP: encrypted
    changeEmail: { enabled: true }
`;

let mailbox;
let server;
before(async () => {
  mailbox = await startMailbox();
  server = await startPostern(mailbox.env, { yaml: YAML });
});
after(async () => {
  await server?.stop();
  await mailbox?.close();
});

let clients = 0;
/** A client with its own address: better-auth allows 3 requests a minute per client and path. */
function browser() {
  clients += 1;
  return clientFor(server, {
    plugins: [emailOTPClient()],
    headers: { "x-forwarded-for": `10.8.${Math.floor(clients / 250)}.${clients % 250}` },
  });
}

let emails = 0;
function newEmail() {
  emails += 1;
  return `otp${emails}-${Date.now()}@example.com`;
}

/** Runs `send` and returns the code delivered to `email`. */
async function codeFrom(email, send) {
  const since = mailbox.messages.length;
  const sent = await send();
  assert.equal(sent.error, null);
  assert.deepEqual(sent.data, { success: true });
  return mailbox.code(await mailbox.waitFor(email, { since }));
}

test("a sign-in code signs up a new user, once", async () => {
  const email = newEmail();
  const { client } = browser();
  const otp = await codeFrom(email, () => client.emailOtp.sendVerificationOtp({ email, type: "sign-in" }));

  const signedIn = await client.signIn.emailOtp({ email, otp, name: "Ada" });
  const replayed = await browser().client.signIn.emailOtp({ email, otp });

  assert.equal(signedIn.error, null);
  assert.equal(typeof signedIn.data.token, "string");
  assert.equal(signedIn.data.user.emailVerified, true);
  assert.equal((await client.getSession()).data.user.email, email);
  assert.equal(replayed.error.status, 400);
  assert.equal(replayed.error.code, "INVALID_OTP");
});

test("three wrong guesses spend the code: TOO_MANY_ATTEMPTS", async () => {
  const email = newEmail();
  const otp = await codeFrom(email, () => browser().client.emailOtp.sendVerificationOtp({ email, type: "sign-in" }));
  const wrong = otp === "000000" ? "111111" : "000000";

  const codes = [];
  for (let i = 0; i < 3; i++) codes.push((await browser().client.signIn.emailOtp({ email, otp: wrong })).error.code);
  const late = await browser().client.signIn.emailOtp({ email, otp });

  assert.deepEqual(codes, ["INVALID_OTP", "INVALID_OTP", "INVALID_OTP"]);
  assert.equal(late.error.status, 403);
  assert.equal(late.error.code, "TOO_MANY_ATTEMPTS");
});

test("an email-verification code verifies the address of a password account", async () => {
  const email = newEmail();
  const { client } = browser();
  assert.equal((await client.signUp.email({ email, password: PASSWORD, name: "Ada" })).error, null);
  const otp = await codeFrom(email, () => client.emailOtp.sendVerificationOtp({ email, type: "email-verification" }));

  const checked = await client.emailOtp.checkVerificationOtp({ email, type: "email-verification", otp });
  const verified = await client.emailOtp.verifyEmail({ email, otp });

  assert.deepEqual(checked.data, { success: true });
  assert.equal(verified.error, null);
  assert.equal(verified.data.status, true);
  assert.equal(verified.data.token, null);
  assert.equal(verified.data.user.emailVerified, true);
  assert.equal((await client.getSession()).data.user.emailVerified, true);
});

test("a reset code sets a new password (both request endpoints)", async () => {
  const email = newEmail();
  assert.equal((await browser().client.signUp.email({ email, password: PASSWORD, name: "Ada" })).error, null);
  const requests = [
    (client) => client.emailOtp.requestPasswordReset({ email }),
    (client) => client.forgetPassword.emailOtp({ email }),
  ];
  for (const [i, request] of requests.entries()) {
    const { client } = browser();
    const otp = await codeFrom(email, () => request(client));
    const password = `brand new password ${i}`;

    const reset = await client.emailOtp.resetPassword({ email, otp, password });
    const signedIn = await browser().client.signIn.email({ email, password });

    assert.deepEqual(reset.data, { success: true });
    assert.equal(signedIn.error, null);
  }
  const unknown = await browser().client.emailOtp.requestPasswordReset({ email: newEmail() });
  assert.deepEqual(unknown.data, { success: true });
});

test("a signed-in user changes the address with a code sent to the new one", async () => {
  const email = newEmail();
  const newAddress = newEmail();
  const { client } = browser();
  assert.equal((await client.signUp.email({ email, password: PASSWORD, name: "Ada" })).error, null);
  const otp = await codeFrom(newAddress, () => client.emailOtp.requestEmailChange({ newEmail: newAddress }));

  const changed = await client.emailOtp.changeEmail({ newEmail: newAddress, otp });

  assert.deepEqual(changed.data, { success: true });
  const user = (await client.getSession()).data.user;
  assert.equal(user.email, newAddress);
  assert.equal(user.emailVerified, true);
});

test("the fourth code request within a minute is rate limited", async () => {
  const email = newEmail();
  const { client } = browser();
  for (let i = 0; i < 3; i++) assert.equal((await client.emailOtp.sendVerificationOtp({ email, type: "sign-in" })).error, null);

  const limited = await client.emailOtp.sendVerificationOtp({ email, type: "sign-in" });

  assert.equal(limited.error.status, 429);
});
