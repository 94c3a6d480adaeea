// Origin checks, login CSRF and CORS of the real server jar, seen from better-auth's official client and from
// raw fetches that play the attacker (wire reference §9.1, §9.2). The server trusts one single-page app on
// another origin through POSTERN_TRUSTED_ORIGINS.
//
// Rate limits are on, so every simulated browser sends its own x-forwarded-for address.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct horse battery";
const SPA = "http://app.localhost:5173";
const EVIL = "http://evil.com";
const YAML = `plugins:
  email-password: {}
  session: {}
`;

let server;
before(async () => {
  server = await startPostern({ POSTERN_TRUSTED_ORIGINS: SPA }, { yaml: YAML });
});
after(async () => {
  await server?.stop();
});

let browsers = 0;
/** A client with its own cookie jar and client address, calling from `origin` (the server's own by default). */
function browser(origin) {
  browsers += 1;
  const headers = { "x-forwarded-for": `10.1.${Math.floor(browsers / 250)}.${(browsers % 250) + 1}` };
  if (origin) headers.origin = origin;
  return { ...clientFor(server, { headers }), ip: headers["x-forwarded-for"] };
}

async function signedUp(origin) {
  const b = browser(origin);
  const email = `sec${browsers}-${Date.now()}@example.com`;
  const { error } = await b.client.signUp.email({ email, password: PASSWORD, name: "Ada" });
  assert.equal(error, null);
  return { ...b, email };
}

test("the official client on the server's own origin signs up, reads its session and signs out", async () => {
  const { client, email } = await signedUp();
  const session = await client.getSession();
  assert.equal(session.data.user.email, email);
  const out = await client.signOut();
  assert.equal(out.error, null);
  assert.equal((await client.getSession()).data, null);
});

test("the official client on a trusted single-page app origin works with credentials", async () => {
  const { client, email, fetch: send } = await signedUp(SPA);
  assert.equal((await client.getSession()).data.user.email, email);
  const res = await send(`${server.url}/get-session`, { method: "GET" });
  assert.equal(res.headers.get("access-control-allow-origin"), SPA);
  assert.equal(res.headers.get("access-control-allow-credentials"), "true");
  assert.match(res.headers.get("vary"), /Origin/);
});

test("a cookie sent from an untrusted origin is refused with better-auth's INVALID_ORIGIN body", async () => {
  const { jar, ip } = await signedUp();
  const res = await fetch(`${server.url}/sign-out`, {
    method: "POST",
    headers: { cookie: jar.header(), origin: EVIL, "content-type": "application/json", "x-forwarded-for": ip },
    body: "{}",
  });
  assert.equal(res.status, 403);
  assert.equal(await res.text(), '{"message":"Invalid origin","code":"INVALID_ORIGIN"}');
  assert.equal(res.headers.get("access-control-allow-origin"), null);
});

test("a cookie without any origin is refused with MISSING_OR_NULL_ORIGIN", async () => {
  const { jar, ip } = await signedUp();
  const res = await fetch(`${server.url}/update-session`, {
    method: "POST",
    headers: { cookie: jar.header(), "content-type": "application/json", "x-forwarded-for": ip },
    body: "{}",
  });
  assert.equal(res.status, 403);
  assert.equal(await res.text(), '{"message":"Missing or null Origin","code":"MISSING_OR_NULL_ORIGIN"}');
});

test("the official client reports the refusal of an untrusted origin as an error with its code", async () => {
  const { jar } = await signedUp();
  const attacker = browser(EVIL);
  for (const [name, value] of jar.cookies) attacker.jar.cookies.set(name, value);
  const { error } = await attacker.client.signOut();
  assert.equal(error.status, 403);
  assert.equal(error.code, "INVALID_ORIGIN");
});

test("an untrusted callbackURL is refused before the sign-in runs", async () => {
  const { email } = await signedUp();
  const { client } = browser();
  const { error } = await client.signIn.email({ email, password: PASSWORD, callbackURL: "https://evil.com/after" });
  assert.equal(error.status, 403);
  assert.equal(error.code, "INVALID_CALLBACK_URL");
  const ok = await client.signIn.email({ email, password: PASSWORD, callbackURL: `${SPA}/after` });
  assert.equal(ok.error, null);
  assert.equal(ok.data.url, `${SPA}/after`);
});

// fetch() sets Sec-Fetch-Mode itself ("cors"), so the browser's form navigation is sent with node:http.
function rawPost(url, headers, body) {
  return new Promise((ok, fail) => {
    const req = request(url, { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: text }));
    });
    req.on("error", fail);
    req.end(body);
  });
}

test("a cross-site form sign-in is blocked as a login CSRF", async () => {
  const { email, ip } = await signedUp();
  const res = await rawPost(`${server.url}/sign-in/email`, {
    "content-type": "application/x-www-form-urlencoded",
    origin: EVIL,
    "sec-fetch-site": "cross-site",
    "sec-fetch-mode": "navigate",
    "sec-fetch-dest": "document",
    "x-forwarded-for": ip,
  }, new URLSearchParams({ email, password: PASSWORD }).toString());
  assert.equal(res.status, 403);
  assert.equal(JSON.parse(res.body).code, "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
  assert.equal(res.headers["set-cookie"], undefined);
});

test("a CORS preflight is answered for the trusted app and refused for others", async () => {
  const ask = (origin) =>
    fetch(`${server.url}/sign-in/email`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
  const trusted = await ask(SPA);
  assert.equal(trusted.status, 204);
  assert.equal(trusted.headers.get("access-control-allow-origin"), SPA);
  assert.equal(trusted.headers.get("access-control-allow-credentials"), "true");
  assert.match(trusted.headers.get("access-control-allow-methods"), /POST/);
  assert.match(trusted.headers.get("access-control-allow-headers"), /content-type/);
  const untrusted = await ask(EVIL);
  assert.equal(untrusted.status, 403);
  assert.equal(untrusted.headers.get("access-control-allow-origin"), null);
});

test("rate limiting is on by default: the 4th sign-in within 10 s gets better-auth's 429", async () => {
  const attempt = () =>
    fetch(`${server.url}/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.origin, "x-forwarded-for": "198.51.100.77" },
      body: JSON.stringify({ email: "nobody@example.com", password: "wrong-password" }),
    });
  for (let i = 0; i < 3; i++) assert.equal((await attempt()).status, 401);
  const limited = await attempt();
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("x-retry-after"), "10");
  assert.deepEqual(await limited.json(), { message: "Too many requests. Please try again later." });
});
