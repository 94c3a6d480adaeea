// Mail over real SMTP: the server jar sends through POSTERN_SMTP_* (plain, POSTERN_SMTP_SECURITY=none) to an
// SMTP server in this process (lib/mailbox.mjs), and the official client follows the delivered link.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";
import { startMailbox } from "../lib/mailbox.mjs";

let mailbox;
let server;
before(async () => {
  mailbox = await startMailbox();
  server = await startPostern({ ...mailbox.env, POSTERN_RATE_LIMIT_ENABLED: "false" });
});
after(async () => {
  await server?.stop();
  await mailbox?.close();
});

test("a verification link delivered over SMTP verifies the address", async () => {
  const email = `smtp-${Date.now()}@example.com`;
  const { client } = clientFor(server);
  const signUp = await client.signUp.email({ email, password: "correct horse battery", name: "Mail" });
  assert.equal(signUp.error, null);
  const since = mailbox.messages.length;

  const sent = await client.sendVerificationEmail({ email, callbackURL: "/verified" });
  const message = await mailbox.waitFor(email, { since });
  const link = mailbox.link(message, "/verify-email");
  const opened = await fetch(link, { redirect: "manual" });

  assert.deepEqual(sent.data, { status: true });
  assert.equal(message.from, "no-reply@postern.test");
  assert.equal(opened.status, 302);
  assert.equal(opened.headers.get("location"), "/verified");
  assert.equal((await client.getSession()).data.user.emailVerified, true);
  assert.doesNotMatch(server.logs(), /verify-email\?token=/, "with SMTP configured, links must not be logged");
});
