// The one-time-token plugin through better-auth's official client with oneTimeTokenClient(): a signed-in
// client generates a token, another client redeems it once for the same session.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { oneTimeTokenClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
let server;

before(async () => {
  server = await startPostern(
    { POSTERN_PLUGINS: "one-time-token", POSTERN_RATE_LIMIT_ENABLED: "false" },
    { yaml: "plugins:\n  one-time-token:\n    storeToken: hashed\n" },
  );
});
after(async () => {
  await server?.stop();
});

const client = () => clientFor(server, { plugins: [oneTimeTokenClient()] });

test("generate, then verify once from another client", async () => {
  const unsigned = await client().client.oneTimeToken.generate();
  assert.equal(unsigned.error.status, 401);

  const { client: app } = client();
  const email = `ott-${Date.now()}@example.com`;
  const signUp = await app.signUp.email({ email, password: PASSWORD, name: "Ott" });
  assert.equal(signUp.error, null, JSON.stringify(signUp.error));

  const generated = await app.oneTimeToken.generate();
  assert.equal(generated.error, null, JSON.stringify(generated.error));
  assert.match(generated.data.token, /^[A-Za-z0-9_-]{32}$/);

  const { client: browser, jar } = client();
  const verified = await browser.oneTimeToken.verify({ token: generated.data.token });
  assert.equal(verified.error, null, JSON.stringify(verified.error));
  assert.equal(verified.data.user.email, email);
  assert.equal(verified.data.session.token, signUp.data.token);
  assert.ok(jar.get("better-auth.session_token").startsWith(signUp.data.token + "."));
  assert.equal((await browser.getSession()).data.user.email, email);

  const replay = await client().client.oneTimeToken.verify({ token: generated.data.token });
  assert.equal(replay.error.status, 400);
  assert.equal(replay.error.message, "Invalid token");
});
