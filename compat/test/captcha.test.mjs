// better-auth's client against the captcha plugin of the real server jar, with a Node HTTP server in this
// file playing Cloudflare Turnstile's siteverify (JSON body in, {success} out). The client passes the widget's
// token as better-auth documents it: fetchOptions.headers["x-captcha-response"].
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const SECRET = "turnstile-secret";
const GOOD = "token-that-turnstile-accepts";
let asked = [];
let turnstile;
let server;

before(async () => {
  turnstile = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const json = JSON.parse(body);
      asked.push(json);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(json.secret === SECRET && json.response === GOOD
        ? { success: true, hostname: "localhost" }
        : { success: false, "error-codes": ["invalid-input-response"] }));
    });
  });
  await new Promise((ok) => turnstile.listen(0, "127.0.0.1", ok));
  server = await startPostern({}, {
    yaml: `plugins:
  captcha:
    provider: cloudflare-turnstile
    secretKey: ${SECRET}
    siteVerifyURLOverride: http://127.0.0.1:${turnstile.address().port}/siteverify
`,
  });
});
after(async () => {
  await server?.stop();
  await new Promise((ok) => (turnstile ? turnstile.close(ok) : ok()));
});

let browsers = 0;
function browser() {
  browsers += 1;
  return clientFor(server, { headers: { "x-forwarded-for": `10.2.0.${browsers}` } });
}

test("sign-up without a captcha token is MISSING_RESPONSE, with a good one it succeeds", async () => {
  const { client } = browser();
  const email = `captcha${Date.now()}@example.com`;

  const missing = await client.signUp.email({ email, password: "correct horse battery", name: "Ada" });
  const signedUp = await client.signUp.email({ email, password: "correct horse battery", name: "Ada" },
    { headers: { "x-captcha-response": GOOD } });

  assert.equal(missing.error.status, 400);
  assert.equal(missing.error.code, "MISSING_RESPONSE");
  assert.equal(missing.error.message, "Missing CAPTCHA response");
  assert.equal(signedUp.error, null);
  assert.equal(signedUp.data.user.email, email);
  assert.equal(asked.at(-1).response, GOOD);
});

test("a token Turnstile refuses is VERIFICATION_FAILED; routes that are not protected need none", async () => {
  const { client } = browser();

  const refused = await client.signIn.email({ email: "nobody@example.com", password: "whatever password" },
    { headers: { "x-captcha-response": "forged" } });
  const session = await client.getSession();

  assert.equal(refused.error.status, 403);
  assert.equal(refused.error.code, "VERIFICATION_FAILED");
  assert.equal(session.error, null);
  assert.equal(session.data, null);
});
