// The last-login-method plugin with better-auth's official client: a sign-in sets the script-readable
// `better-auth.last_used_login_method` cookie, and storeInDatabase keeps it in user.lastLoginMethod.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
const COOKIE = "better-auth.last_used_login_method";
let server;

before(async () => {
  server = await startPostern(
    { POSTERN_RATE_LIMIT_ENABLED: "false" },
    { yaml: "plugins:\n  last-login-method:\n    storeInDatabase: true\n" },
  );
});
after(async () => {
  await server?.stop();
});

test("email sign-in sets the last-used-method cookie and user.lastLoginMethod", async () => {
  const email = `last-${Date.now()}@example.com`;
  await clientFor(server).client.signUp.email({ email, password: PASSWORD, name: "Last" });

  const { client, jar } = clientFor(server);
  let setCookies = [];
  const signIn = await client.signIn.email(
    { email, password: PASSWORD },
    { onResponse: (ctx) => { setCookies = ctx.response.headers.getSetCookie(); } },
  );
  assert.equal(signIn.error, null, JSON.stringify(signIn.error));
  assert.equal(jar.get(COOKIE), "email");
  const cookie = setCookies.find((c) => c.startsWith(`${COOKIE}=`));
  assert.match(cookie, /Max-Age=2592000/);
  assert.doesNotMatch(cookie, /HttpOnly/);

  const session = await client.getSession({ query: { disableCookieCache: true } });
  assert.equal(session.data.user.lastLoginMethod, "email");
});
