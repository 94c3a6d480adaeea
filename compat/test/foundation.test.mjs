import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";

let server;
before(async () => {
  server = await startPostern();
});
after(async () => {
  await server?.stop();
});

test("the official client reaches /ok through its $fetch", async () => {
  const { client } = clientFor(server);
  const { data, error } = await client.$fetch("/ok", { method: "GET" });
  assert.equal(error, null);
  assert.deepEqual(data, { ok: true });
});

test("unknown endpoints answer 404 with an empty body, as better-call does", async () => {
  const res = await fetch(`${server.url}/no-such-endpoint`);
  assert.equal(res.status, 404);
  assert.equal(await res.text(), "");
});

test("the error page renders HTML for a redirect error code", async () => {
  const res = await fetch(`${server.url}/error?error=state_mismatch`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /^text\/html/);
  assert.match(await res.text(), /state_mismatch/);
});
