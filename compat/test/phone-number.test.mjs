// better-auth's phoneNumberClient() against the phone-number plugin of the real server jar.
//
// SMS: the server sends through its Twilio sender, whose baseUrl points at a small Node HTTP server in
// this file that plays Twilio's Messages API (basic auth, form body, 201 or a Twilio error JSON). The tests
// read the codes from the messages it received, as a user would read them off their phone.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { phoneNumberClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const SID = "AC00000000000000000000000000000000";
const TOKEN = "compat-twilio-token";
const FROM = "+15005550006";
const PASSWORD = "a phone password";

/** Messages Twilio "delivered", and the number it pretends cannot receive SMS. */
const messages = [];
const UNDELIVERABLE = "+15550009999";

let twilio;
let server;
before(async () => {
  twilio = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const auth = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`;
      res.setHeader("content-type", "application/json");
      if (req.method !== "POST" || req.url !== `/2010-04-01/Accounts/${SID}/Messages.json`) {
        res.writeHead(404).end(JSON.stringify({ code: 20404, message: "Not found", status: 404 }));
        return;
      }
      if (req.headers.authorization !== auth) {
        res.writeHead(401).end(JSON.stringify({ code: 20003, message: "Authenticate", status: 401 }));
        return;
      }
      const form = new URLSearchParams(body);
      if (form.get("To") === UNDELIVERABLE) {
        res.writeHead(400).end(JSON.stringify({ code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 }));
        return;
      }
      messages.push({ to: form.get("To"), from: form.get("From"), body: form.get("Body") });
      res.writeHead(201).end(JSON.stringify({ sid: "SM1", status: "queued" }));
    });
  });
  await new Promise((ok) => twilio.listen(0, "127.0.0.1", ok));
  const yaml = `plugins:
  phone-number:
    signUpOnVerification:
      getTempEmail: "{phoneNumber}@phone.example.com"
    sms:
      provider: twilio
      accountSid: ${SID}
      authToken: ${TOKEN}
      from: "${FROM}"
      baseUrl: http://127.0.0.1:${twilio.address().port}
`;
  server = await startPostern({}, { yaml });
});
after(async () => {
  await server?.stop();
  await new Promise((ok) => (twilio ? twilio.close(ok) : ok()));
});

let browsers = 0;
/** A client with its own cookie jar and client address (rate limits count per client). */
function browser() {
  browsers += 1;
  return clientFor(server, { plugins: [phoneNumberClient()], headers: { "x-forwarded-for": `10.1.0.${browsers}` } });
}

let numbers = 0;
function newNumber() {
  numbers += 1;
  return `+1555${String(Date.now() % 100000).padStart(5, "0")}${String(numbers).padStart(2, "0")}`;
}

/** The code in the newest SMS to `phoneNumber`. */
function lastCode(phoneNumber) {
  const sms = messages.filter((m) => m.to === phoneNumber).at(-1);
  assert.ok(sms, `no SMS to ${phoneNumber}`);
  return sms.body.match(/\d{6}/)[0];
}

async function signedUpByPhone(phoneNumber = newNumber()) {
  const b = browser();
  assert.equal((await b.client.phoneNumber.sendOtp({ phoneNumber })).error, null);
  const { data, error } = await b.client.phoneNumber.verify({ phoneNumber, code: lastCode(phoneNumber) });
  assert.equal(error, null);
  return { ...b, phoneNumber, data };
}

test("sendOtp texts a code through Twilio and verify signs the owner up and in", async () => {
  const { client, jar } = browser();
  const phoneNumber = newNumber();

  const sent = await client.phoneNumber.sendOtp({ phoneNumber });
  const sms = messages.at(-1);
  const { data, error } = await client.phoneNumber.verify({ phoneNumber, code: lastCode(phoneNumber) });
  const session = await client.getSession();

  assert.equal(sent.error, null);
  assert.deepEqual(sent.data, { message: "code sent" });
  assert.equal(sms.from, FROM);
  assert.match(sms.body, /^Your verification code is \d{6}$/);
  assert.equal(error, null);
  assert.equal(data.status, true);
  assert.equal(data.user.phoneNumber, phoneNumber);
  assert.equal(data.user.phoneNumberVerified, true);
  assert.equal(data.user.email, `${phoneNumber}@phone.example.com`);
  assert.ok(jar.get("better-auth.session_token").startsWith(`${data.token}.`));
  assert.equal(session.data.user.phoneNumber, phoneNumber);
});

test("wrong codes are INVALID_OTP until TOO_MANY_ATTEMPTS", async () => {
  const { client } = browser();
  const phoneNumber = newNumber();
  await client.phoneNumber.sendOtp({ phoneNumber });
  const code = lastCode(phoneNumber);
  const wrong = code === "000000" ? "111111" : "000000";

  for (let i = 0; i < 3; i++) {
    const { error } = await client.phoneNumber.verify({ phoneNumber, code: wrong });
    assert.equal(error.status, 400);
    assert.equal(error.code, "INVALID_OTP");
  }
  const { error } = await client.phoneNumber.verify({ phoneNumber, code });
  assert.equal(error.status, 403);
  assert.equal(error.code, "TOO_MANY_ATTEMPTS");
});

test("a reset code sets the password that signIn.phoneNumber then accepts", async () => {
  const { phoneNumber } = await signedUpByPhone();
  const { client, jar } = browser();

  const requested = await client.phoneNumber.requestPasswordReset({ phoneNumber });
  const otp = lastCode(phoneNumber);
  const reset = await client.phoneNumber.resetPassword({ phoneNumber, otp, newPassword: PASSWORD });
  const replay = await client.phoneNumber.resetPassword({ phoneNumber, otp, newPassword: "another password" });
  const wrong = await client.signIn.phoneNumber({ phoneNumber, password: "not the password" });
  const signedIn = await client.signIn.phoneNumber({ phoneNumber, password: PASSWORD });

  assert.deepEqual(requested.data, { status: true });
  assert.deepEqual(reset.data, { status: true });
  assert.equal(replay.error.code, "OTP_NOT_FOUND");
  assert.equal(wrong.error.status, 401);
  assert.equal(wrong.error.code, "INVALID_PHONE_NUMBER_OR_PASSWORD");
  assert.equal(signedIn.error, null);
  assert.equal(signedIn.data.user.phoneNumber, phoneNumber);
  assert.ok(jar.get("better-auth.session_token").startsWith(`${signedIn.data.token}.`));
});

test("updatePhoneNumber moves a signed-in e-mail user to the verified number", async () => {
  const { client } = browser();
  const signUp = await client.signUp.email({ email: `phone${Date.now()}@example.com`, password: PASSWORD, name: "Ada" });
  const phoneNumber = newNumber();
  await client.phoneNumber.sendOtp({ phoneNumber });

  const { data, error } = await client.phoneNumber.verify({ phoneNumber, code: lastCode(phoneNumber), updatePhoneNumber: true });
  const refused = await client.updateUser({ phoneNumber: newNumber() });

  assert.equal(error, null);
  assert.equal(data.token, signUp.data.token);
  assert.equal(data.user.email, signUp.data.user.email);
  assert.equal(data.user.phoneNumber, phoneNumber);
  assert.equal(refused.error.code, "PHONE_NUMBER_CANNOT_BE_UPDATED");
});

test("a number Twilio refuses is INVALID_PHONE_NUMBER", async () => {
  const { client } = browser();

  const { error } = await client.phoneNumber.sendOtp({ phoneNumber: UNDELIVERABLE });

  assert.equal(error.status, 400);
  assert.equal(error.code, "INVALID_PHONE_NUMBER");
});
