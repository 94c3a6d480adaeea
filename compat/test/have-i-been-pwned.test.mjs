// better-auth's client against the have-i-been-pwned plugin of the real server jar, with a Node HTTP server in
// this file playing the Pwned Passwords range API (GET /range/<5 hex>, SUFFIX:COUNT lines, padding).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const BREACHED = "password123456";
const sha1 = (s) => createHash("sha1").update(s).digest("hex").toUpperCase();
const requests = [];
let api;
let server;

before(async () => {
  api = createServer((req, res) => {
    requests.push({ url: req.url, padding: req.headers["add-padding"] });
    const prefix = req.url.replace("/range/", "");
    const lines = [];
    if (sha1(BREACHED).startsWith(prefix)) lines.push(`${sha1(BREACHED).slice(5)}:52579`);
    lines.push("0018A45C4D1DEF81644B54AB7F969B88D65:0");
    res.setHeader("content-type", "text/plain");
    res.end(lines.join("\r\n"));
  });
  await new Promise((ok) => api.listen(0, "127.0.0.1", ok));
  server = await startPostern({}, {
    yaml: `plugins:
  have-i-been-pwned:
    rangeApiUrl: http://127.0.0.1:${api.address().port}/range
`,
  });
});
after(async () => {
  await server?.stop();
  await new Promise((ok) => (api ? api.close(ok) : ok()));
});

test("signing up with a breached password is PASSWORD_COMPROMISED; only a hash prefix is sent", async () => {
  const { client } = clientFor(server, { headers: { "x-forwarded-for": "10.3.0.1" } });
  const email = `pwned${Date.now()}@example.com`;

  const refused = await client.signUp.email({ email, password: BREACHED, name: "Ada" });
  const accepted = await client.signUp.email({ email, password: "a safe and long passphrase", name: "Ada" });

  assert.equal(refused.error.status, 400);
  assert.equal(refused.error.code, "PASSWORD_COMPROMISED");
  assert.equal(refused.error.message, "The password you entered has been compromised. Please choose a different password.");
  assert.equal(accepted.error, null);
  assert.equal(requests[0].url, `/range/${sha1(BREACHED).slice(0, 5)}`);
  assert.equal(requests[0].padding, "true");
});

test("changing to a breached password is refused too", async () => {
  const { client } = clientFor(server, { headers: { "x-forwarded-for": "10.3.0.2" } });
  const email = `pwned-change${Date.now()}@example.com`;
  await client.signUp.email({ email, password: "a safe and long passphrase", name: "Ada" });

  const { error } = await client.changePassword({ currentPassword: "a safe and long passphrase", newPassword: BREACHED });

  assert.equal(error.status, 400);
  assert.equal(error.code, "PASSWORD_COMPROMISED");
});
