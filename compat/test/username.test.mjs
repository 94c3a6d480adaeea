// The username plugin through better-auth's official client with usernameClient(): sign-up with a
// username, sign-in by username, availability, update-user, and better-auth's error codes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { usernameClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

const PASSWORD = "correct-horse-battery";
let server;
let counter = 0;

before(async () => {
  server = await startPostern(
    { POSTERN_PLUGINS: "username", POSTERN_RATE_LIMIT_ENABLED: "false" },
    { yaml: "plugins:\n  username:\n    minUsernameLength: 4\n" },
  );
});
after(async () => {
  await server?.stop();
});

const client = () => clientFor(server, { plugins: [usernameClient()] });
const unique = (base) => `${base}${++counter}${Date.now() % 100000}`;

test("sign-up stores the username lower-cased and the display username as typed; sign-in by username", async () => {
  const name = unique("Ada_");
  const signUp = await client().client.signUp.email({
    email: `${name.toLowerCase()}@example.com`, password: PASSWORD, name: "Ada", username: name,
  });
  assert.equal(signUp.error, null, JSON.stringify(signUp.error));
  assert.equal(signUp.data.user.username, name.toLowerCase());
  assert.equal(signUp.data.user.displayUsername, name);

  const { client: browser, jar } = client();
  const signIn = await browser.signIn.username({ username: name.toUpperCase(), password: PASSWORD });
  assert.equal(signIn.error, null, JSON.stringify(signIn.error));
  assert.equal(signIn.data.redirect, false);
  assert.equal(signIn.data.user.username, name.toLowerCase());
  assert.ok(jar.get("better-auth.session_token").startsWith(signIn.data.token + "."));
  const session = await browser.getSession();
  assert.equal(session.data.user.username, name.toLowerCase());
});

test("wrong password and unknown username are the same 401", async () => {
  const name = unique("bob_");
  await client().client.signUp.email({ email: `${name}@example.com`, password: PASSWORD, name: "Bob", username: name });
  const { client: browser } = client();
  const wrong = await browser.signIn.username({ username: name, password: "wrong-password" });
  const unknown = await browser.signIn.username({ username: unique("nobody_"), password: PASSWORD });
  for (const result of [wrong, unknown]) {
    assert.equal(result.error.status, 401);
    assert.equal(result.error.code, "INVALID_USERNAME_OR_PASSWORD");
    assert.equal(result.error.message, "Invalid username or password");
  }
  const short = await browser.signIn.username({ username: "abc", password: PASSWORD });
  assert.equal(short.error.status, 422);
  assert.equal(short.error.code, "USERNAME_TOO_SHORT");
});

test("is-username-available, taken usernames and update-user", async () => {
  const name = unique("cy_");
  const { client: first } = client();
  assert.equal((await first.isUsernameAvailable({ username: name })).data.available, true);
  await first.signUp.email({ email: `${name}@example.com`, password: PASSWORD, name: "Cy", username: name });
  assert.equal((await first.isUsernameAvailable({ username: name.toUpperCase() })).data.available, false);
  const invalid = await first.isUsernameAvailable({ username: "not valid!" });
  assert.equal(invalid.error.status, 422);
  assert.equal(invalid.error.code, "INVALID_USERNAME");

  const taken = await client().client.signUp.email({
    email: `${unique("other")}@example.com`, password: PASSWORD, name: "Other", username: name.toUpperCase(),
  });
  assert.equal(taken.error.status, 400);
  assert.equal(taken.error.code, "USERNAME_IS_ALREADY_TAKEN");

  const renamed = unique("Cyd_");
  const update = await first.updateUser({ username: renamed, displayUsername: "Cyd" });
  assert.equal(update.error, null, JSON.stringify(update.error));
  const session = await first.getSession({ query: { disableCookieCache: true } });
  assert.equal(session.data.user.username, renamed.toLowerCase());
  assert.equal(session.data.user.displayUsername, "Cyd");
  const signIn = await client().client.signIn.username({ username: renamed, password: PASSWORD });
  assert.equal(signIn.error, null);
});
