// better-auth's official client with magicLinkClient() against the magic-link plugin of the real server jar;
// links are read from mail delivered over real SMTP (lib/mailbox.mjs).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { magicLinkClient } from "better-auth/client/plugins";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";
import { startMailbox } from "../lib/mailbox.mjs";

const YAML = `plugins:
  magic-link:
    storeToken: hashed
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

let counter = 0;
/** A fresh address and client address per test: rate limits (5 a minute) count per client and path. */
function browser() {
  counter += 1;
  const email = `magic${counter}-${Date.now()}@example.com`;
  return { email, ...clientFor(server, { plugins: [magicLinkClient()], headers: { "x-forwarded-for": `10.7.0.${counter}` } }) };
}

/** Requests a link and returns the delivered URL. */
async function requestLink(client, body) {
  const since = mailbox.messages.length;
  const sent = await client.signIn.magicLink(body);
  assert.equal(sent.error, null);
  assert.deepEqual(sent.data, { status: true });
  return mailbox.link(await mailbox.waitFor(body.email, { since }), "/magic-link/verify");
}

test("a delivered link signs up a new user once and redirects to newUserCallbackURL", async () => {
  const { client, email, fetch } = browser();
  const link = await requestLink(client, { email, name: "Ada", callbackURL: "/dashboard", newUserCallbackURL: "/welcome" });

  const opened = await fetch(link, { redirect: "manual" });
  const again = await fetch(link, { redirect: "manual" });
  const session = await client.getSession();

  assert.match(link, new RegExp(`^${server.url}/magic-link/verify\\?token=[A-Za-z]{32}&callbackURL=%2Fdashboard&newUserCallbackURL=%2Fwelcome$`));
  assert.equal(opened.status, 302);
  assert.equal(opened.headers.get("location"), `${server.origin}/welcome`);
  assert.equal(session.data.user.email, email);
  assert.equal(session.data.user.name, "Ada");
  assert.equal(session.data.user.emailVerified, true);
  assert.equal(again.status, 302);
  assert.equal(again.headers.get("location"), `${server.origin}/dashboard?error=INVALID_TOKEN`);
});

test("magicLink.verify answers token, user and session, and signs an existing user in", async () => {
  const first = browser();
  await first.fetch(await requestLink(first.client, { email: first.email }), { redirect: "manual" });
  const { client } = browser();
  const token = new URL(await requestLink(client, { email: first.email })).searchParams.get("token");

  const verified = await client.magicLink.verify({ query: { token } });
  const session = await client.getSession();

  assert.equal(verified.error, null);
  assert.deepEqual(Object.keys(verified.data), ["token", "user", "session"]);
  assert.equal(verified.data.user.email, first.email);
  assert.equal(verified.data.session.token, verified.data.token);
  assert.equal(session.data.session.token, verified.data.token);
});

test("untrusted callback URLs are refused with better-auth's codes", async () => {
  const { client, email } = browser();

  const refused = await client.signIn.magicLink({ email, callbackURL: "https://evil.example/phish" });
  const refusedVerify = await client.magicLink.verify({ query: { token: "x", errorCallbackURL: "https://evil.example/" } });

  assert.equal(refused.error.status, 403);
  assert.equal(refused.error.code, "INVALID_CALLBACK_URL");
  assert.equal(refusedVerify.error.status, 403);
  assert.equal(refusedVerify.error.code, "INVALID_CALLBACK_URL");
});

test("the sixth request for a link within a minute is rate limited", async () => {
  const { client, email } = browser();
  for (let i = 0; i < 5; i++) assert.equal((await client.signIn.magicLink({ email })).error, null);

  const limited = await client.signIn.magicLink({ email });

  assert.equal(limited.error.status, 429);
});
