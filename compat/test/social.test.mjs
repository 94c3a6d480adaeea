// better-auth's official client against the social plugin of the real server jar, with a real certified
// OpenID provider (oidc-provider, compat/lib/oidc-provider.mjs) declared as a generic OAuth provider by its
// discovery URL. The provider's login and consent screens are completed over HTTP (authorize()), and the
// callback is followed with the client's own cookie jar, as the browser would.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { startPostern } from "../lib/server.mjs";
import { clientFor } from "../lib/client.mjs";
import { CLIENT_ID, CLIENT_SECRET, authorize, startOidcProvider } from "../lib/oidc-provider.mjs";

let oidc;
let server;

async function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

before(async () => {
  oidc = await startOidcProvider({ port: await freePort() });
  server = await startPostern({
    POSTERN_OAUTH_ACME_SSO_DISCOVERY_URL: `${oidc.issuer}/.well-known/openid-configuration`,
    POSTERN_OAUTH_ACME_SSO_CLIENT_ID: CLIENT_ID,
    POSTERN_OAUTH_ACME_SSO_CLIENT_SECRET: CLIENT_SECRET,
    POSTERN_OAUTH_ACME_SSO_SCOPES: "email profile",
  });
});
after(async () => {
  await server?.stop();
  await oidc?.close();
});

/** Completes the provider's screens for `url` and follows the callback with the client's jar. */
async function finish(fetchWithJar, url, login) {
  const callback = await authorize(url, login);
  assert.equal(callback.pathname, "/api/auth/callback/acme-sso");
  return fetchWithJar(callback.toString());
}

test("signIn.social signs a new user up through the provider, then getSession, listAccounts and getAccessToken", async () => {
  const { client, fetch } = clientFor(server);

  const started = await client.signIn.social({ provider: "acme-sso", callbackURL: "/dashboard", disableRedirect: true });
  assert.equal(started.error, null);
  const url = new URL(started.data.url);
  assert.equal(url.searchParams.get("redirect_uri"), `${server.origin}/api/auth/callback/acme-sso`);
  assert.equal(url.searchParams.get("code_challenge_method"), "S256");
  const done = await finish(fetch, started.data.url, "alice");
  const session = await client.getSession();
  const accounts = await client.listAccounts();
  const acme = accounts.data.find((a) => a.providerId === "acme-sso");
  const token = await client.getAccessToken({ accountId: acme.id });

  assert.equal(done.status, 302);
  assert.equal(done.headers.get("location"), "/dashboard");
  assert.equal(session.data.user.email, "alice@example.com");
  assert.equal(session.data.user.emailVerified, true);
  assert.equal(acme.accountId, "alice");
  assert.ok(acme.scopes.includes("openid"));
  assert.equal(token.error, null);
  assert.ok(token.data.accessToken.length > 10);
  assert.ok(new Date(token.data.accessTokenExpiresAt) > new Date());
});

test("linkSocial links the provider account to an e-mail user, and unlinkAccount removes it but not the last one", async () => {
  const { client, fetch } = clientFor(server);
  const signUp = await client.signUp.email({ email: "carol@example.com", password: "correct horse battery", name: "Carol" });
  assert.equal(signUp.error, null);

  const started = await client.linkSocial({ provider: "acme-sso", callbackURL: "/settings", disableRedirect: true });
  assert.equal(started.error, null);
  const done = await finish(fetch, started.data.url, "carol");
  const accounts = await client.listAccounts();
  const acme = accounts.data.find((a) => a.providerId === "acme-sso");
  const credential = accounts.data.find((a) => a.providerId === "credential");
  const unlinked = await client.unlinkAccount({ accountId: acme.id });
  const last = await client.unlinkAccount({ accountId: credential.id });

  assert.equal(done.headers.get("location"), "/settings");
  assert.equal(accounts.data.length, 2);
  assert.equal(acme.accountId, "carol");
  assert.equal(unlinked.error, null);
  assert.equal(last.error.status, 400);
  assert.equal(last.error.code, "FAILED_TO_UNLINK_LAST_ACCOUNT");
});

test("an unknown provider is PROVIDER_NOT_FOUND, and a callback from another browser is state_mismatch", async () => {
  const { client } = clientFor(server);
  const unknown = await client.signIn.social({ provider: "nobody", callbackURL: "/" });
  const started = await client.signIn.social({ provider: "acme-sso", callbackURL: "/", errorCallbackURL: "/oops", disableRedirect: true });
  const stranger = clientFor(server);
  const stolen = await finish(stranger.fetch, started.data.url, "alice");

  assert.equal(unknown.error.status, 404);
  assert.equal(unknown.error.code, "PROVIDER_NOT_FOUND");
  assert.equal(stolen.status, 302);
  assert.equal(stolen.headers.get("location"), "/oops?error=state_mismatch");
});
