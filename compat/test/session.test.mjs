// Sessions and cookies through better-auth's official client and its cookie helpers: getSession,
// listSessions, revokeSession(s), revokeOtherSessions, signOut, and getSessionCookie/getCookieCache
// reading the cookies Postern wrote. Needs the email-and-password and session plugins in the server jar.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { getCookieCache, getSessionCookie } from "better-auth/cookies";
import { SECRET, startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
let counter = 0;

/** Signs a new user up on a fresh client; resolves to {client, jar, email, token}. */
async function signedUpClient(server, email = `user${++counter}-${Date.now()}@example.com`) {
  const { client, jar } = clientFor(server);
  const { data, error } = await client.signUp.email({ email, password: PASSWORD, name: "Compat" });
  assert.equal(error, null, `sign-up failed: ${JSON.stringify(error)}`);
  return { client, jar, email, token: data.token };
}

/** Signs an existing user in on a fresh client. */
async function signedInClient(server, email) {
  const { client, jar } = clientFor(server);
  const { data, error } = await client.signIn.email({ email, password: PASSWORD });
  assert.equal(error, null, `sign-in failed: ${JSON.stringify(error)}`);
  return { client, jar, token: data.token };
}

const cookieHeaders = (jar) => new Headers({ cookie: jar.header() });

describe("sessions without cookie cache", () => {
  let server;
  before(async () => {
    // Many sign-ups from one address: rate limiting is off here, as in better-auth's own tests (it has its own tests).
    server = await startPostern({ POSTERN_RATE_LIMIT_ENABLED: "false" });
  });
  after(async () => {
    await server?.stop();
  });

  test("getSession answers the signed-in user with dates the client revives", async () => {
    const { client, email, token } = await signedUpClient(server);
    const { data, error } = await client.getSession();
    assert.equal(error, null);
    assert.equal(data.session.token, token);
    assert.equal(data.user.email, email);
    assert.equal(data.session.userId, data.user.id);
    assert.ok(data.session.expiresAt instanceof Date);
    assert.ok(data.session.expiresAt.getTime() > Date.now() + 6 * 86400_000);
  });

  test("getSession answers null without a session", async () => {
    const { client } = clientFor(server);
    const { data, error } = await client.getSession();
    assert.equal(error, null);
    assert.equal(data, null);
  });

  test("getSessionCookie finds Postern's signed session cookie", async () => {
    const { jar, token } = await signedUpClient(server);
    const value = getSessionCookie(cookieHeaders(jar));
    assert.ok(value, "getSessionCookie returned nothing");
    const [inner, signature] = [value.slice(0, value.lastIndexOf(".")), value.slice(value.lastIndexOf(".") + 1)];
    assert.equal(inner, token);
    assert.equal(signature, createHmac("sha256", SECRET).update(token).digest("base64"));
  });

  test("listSessions lists every active session of the user, with tokens", async () => {
    const first = await signedUpClient(server);
    const second = await signedInClient(server, first.email);
    const { data, error } = await first.client.listSessions();
    assert.equal(error, null);
    assert.deepEqual(data.map((s) => s.token).sort(), [first.token, second.token].sort());
  });

  test("revokeSession ends another session on its next request", async () => {
    const first = await signedUpClient(server);
    const second = await signedInClient(server, first.email);
    const { data, error } = await first.client.revokeSession({ token: second.token });
    assert.equal(error, null);
    assert.deepEqual(data, { status: true });
    assert.equal((await second.client.getSession()).data, null);
    assert.equal((await first.client.getSession()).data.session.token, first.token);
  });

  test("revokeOtherSessions keeps only the caller's session", async () => {
    const first = await signedUpClient(server);
    const second = await signedInClient(server, first.email);
    const { data } = await first.client.revokeOtherSessions();
    assert.deepEqual(data, { status: true });
    assert.equal((await second.client.getSession()).data, null);
    assert.equal((await first.client.getSession()).data.session.token, first.token);
  });

  test("revokeSessions ends every session and clears the caller's cookies", async () => {
    const first = await signedUpClient(server);
    const second = await signedInClient(server, first.email);
    const { data } = await first.client.revokeSessions();
    assert.deepEqual(data, { status: true });
    assert.equal(getSessionCookie(cookieHeaders(first.jar)), null);
    assert.equal((await second.client.getSession()).data, null);
  });

  test("signOut deletes the session and expires its cookies", async () => {
    const { client, jar } = await signedUpClient(server);
    const stolen = jar.header();
    const { data, error } = await client.signOut();
    assert.equal(error, null);
    assert.deepEqual(data, { success: true });
    assert.equal(jar.header(), "");
    const replay = await fetch(`${server.url}/get-session`, { headers: { cookie: stolen } });
    assert.equal(await replay.text(), "null");
  });

  test("POST /get-session is refused unless refreshes are deferred", async () => {
    const res = await fetch(`${server.url}/get-session`, { method: "POST", headers: { origin: server.origin } });
    assert.equal(res.status, 405);
    assert.equal((await res.json()).code, "METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED");
  });
});

// The server reads the cookie-cache strategy from POSTERN_SESSION_COOKIE_CACHE (compact, jwt or jwe).
for (const strategy of ["compact", "jwt", "jwe"]) {
  describe(`cookie cache (${strategy})`, () => {
    let server;
    before(async () => {
      server = await startPostern({ POSTERN_SESSION_COOKIE_CACHE: strategy, POSTERN_RATE_LIMIT_ENABLED: "false" });
    });
    after(async () => {
      await server?.stop();
    });

    test("getCookieCache decodes Postern's session_data, and getSession answers from it", async (t) => {
      const { client, jar, email, token } = await signedUpClient(server);
      if (!jar.get("better-auth.session_data")) {
        t.skip("the server does not enable the cookie cache from POSTERN_SESSION_COOKIE_CACHE yet");
        return;
      }
      const cached = await getCookieCache(cookieHeaders(jar), { secret: SECRET, strategy, isSecure: false });
      assert.ok(cached, "getCookieCache rejected Postern's cookie");
      assert.equal(cached.session.token, token);
      assert.equal(cached.user.email, email);
      assert.equal(cached.version, "1");
      const { data } = await client.getSession();
      assert.equal(data.session.token, token);
    });

    test("getCookieCache rejects a tampered session_data", async (t) => {
      const { jar } = await signedUpClient(server);
      const value = jar.get("better-auth.session_data");
      if (!value) {
        t.skip("the server does not enable the cookie cache from POSTERN_SESSION_COOKIE_CACHE yet");
        return;
      }
      const middle = Math.floor(value.length / 2);
      const tampered = value.slice(0, middle) + (value[middle] === "A" ? "B" : "A") + value.slice(middle + 1);
      const headers = new Headers({ cookie: `better-auth.session_data=${tampered}` });
      assert.equal(await getCookieCache(headers, { secret: SECRET, strategy, isSecure: false }).catch(() => null), null);
    });

    test("signOut expires session_data too", async (t) => {
      const { client, jar } = await signedUpClient(server);
      if (!jar.get("better-auth.session_data")) {
        t.skip("the server does not enable the cookie cache from POSTERN_SESSION_COOKIE_CACHE yet");
        return;
      }
      await client.signOut();
      assert.equal(jar.get("better-auth.session_data"), undefined);
      assert.equal(await getCookieCache(cookieHeaders(jar), { secret: SECRET, strategy, isSecure: false }), null);
    });
  });
}
