// The bearer plugin through better-auth's official client, used as its docs say: read `set-auth-token`
// in onSuccess of a sign-in, then send it with `fetchOptions: { auth: { type: "Bearer", token } }` from a
// client that keeps no cookies and sends no Origin, as a mobile app or a server would.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createAuthClient } from "better-auth/client";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
let server;
let counter = 0;

before(async () => {
  server = await startPostern({ POSTERN_PLUGINS: "bearer", POSTERN_RATE_LIMIT_ENABLED: "false" });
});
after(async () => {
  await server?.stop();
});

/** A client with no cookie jar and no Origin header that authenticates with `token()`. */
function bearerClient(token) {
  const customFetchImpl = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    assert.equal(headers.get("cookie"), null);
    assert.match(headers.get("authorization") ?? "", /^Bearer \S/);
    headers.delete("origin");
    return fetch(input, { ...init, headers });
  };
  return createAuthClient({
    baseURL: server.origin,
    fetchOptions: { customFetchImpl, auth: { type: "Bearer", token } },
  });
}

/** Signs a new user up (browser-like client) and signs them in, keeping the token as the docs show. */
async function signedInToken() {
  const email = `bearer${++counter}-${Date.now()}@example.com`;
  const { client } = clientFor(server);
  const signUp = await client.signUp.email({ email, password: PASSWORD, name: "Bearer" });
  assert.equal(signUp.error, null, `sign-up failed: ${JSON.stringify(signUp.error)}`);
  let token;
  const signIn = await clientFor(server).client.signIn.email(
    { email, password: PASSWORD },
    { onSuccess: (ctx) => (token = ctx.response.headers.get("set-auth-token")) },
  );
  assert.equal(signIn.error, null, `sign-in failed: ${JSON.stringify(signIn.error)}`);
  return { email, token, sessionToken: signIn.data.token };
}

test("sign-up answers set-auth-token and exposes it to CORS", async () => {
  const { client } = clientFor(server);
  let response;
  await client.signUp.email(
    { email: `exposed-${Date.now()}@example.com`, password: PASSWORD, name: "Exposed" },
    { onResponse: (ctx) => (response = ctx.response) },
  );
  assert.match(response.headers.get("set-auth-token"), /^[A-Za-z0-9]{32}\.[A-Za-z0-9+/]{43}=$/);
  assert.ok(response.headers.get("access-control-expose-headers").split(/,\s*/).includes("set-auth-token"));
});

test("a bearer token gets its session, updates the user and lists sessions", async () => {
  const { email, token, sessionToken } = await signedInToken();
  assert.ok(token.startsWith(`${sessionToken}.`));
  const client = bearerClient(() => token);

  const session = await client.getSession();
  assert.equal(session.error, null);
  assert.equal(session.data.user.email, email);
  assert.equal(session.data.session.token, sessionToken);

  const update = await client.updateUser({ name: "Renamed" });
  assert.equal(update.error, null, `update-user failed: ${JSON.stringify(update.error)}`);
  assert.equal((await client.getSession()).data.user.name, "Renamed");

  const sessions = await client.listSessions();
  assert.equal(sessions.error, null);
  assert.ok(sessions.data.some((s) => s.token === sessionToken));
});

test("a tampered token authenticates nobody", async () => {
  const { token } = await signedInToken();
  const forged = `${token.slice(0, token.indexOf("."))}.${"A".repeat(43)}=`;
  const { data, error } = await bearerClient(() => forged).getSession();
  assert.equal(error, null);
  assert.equal(data, null);
});

test("sign-out with the bearer token revokes the session", async () => {
  const { token } = await signedInToken();
  const client = bearerClient(() => token);
  const signOut = await client.signOut();
  assert.equal(signOut.error, null, `sign-out failed: ${JSON.stringify(signOut.error)}`);
  assert.equal((await client.getSession()).data, null);
});
