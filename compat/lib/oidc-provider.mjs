// A real, certified OpenID provider (the npm package oidc-provider) on 127.0.0.1, for the social sign-in
// tests of Postern (Java and compat). One confidential test client and a few test users; the login and
// consent screens are oidc-provider's devInteractions, which a test completes over plain HTTP:
//   GET  <authorization URL>            -> 303 /interaction/<uid>
//   POST /interaction/<uid>  prompt=login&login=<user id>
//   POST /interaction/<uid>  prompt=consent      (after following the redirects)
//   ...                                 -> 303 <redirect_uri>?code=...&state=...&iss=...
//
// As a program: `node oidc-provider.mjs <port>` prints one line `{"issuer": ...}` once listening and
// serves until killed. As a module: `startOidcProvider({port})` resolves to {issuer, close()}.
import { createServer } from "node:http";
import Provider from "oidc-provider";

export const CLIENT_ID = "postern-test-client";
export const CLIENT_SECRET = "postern-test-client-secret-0123456789";

/** Test users, keyed by the login typed on the devInteractions form. */
export const USERS = {
  alice: { email: "alice@example.com", email_verified: true, name: "Alice Liddell", picture: "https://img.example.com/alice.png" },
  bob: { email: "bob@example.com", email_verified: false, name: "Bob Unverified" },
  carol: { email: "carol@example.com", email_verified: true, name: "Carol Other" },
};

export async function startOidcProvider({ port }) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      // Postern's test servers take a fresh port each run; every loopback redirect is allowed below.
      redirect_uris: ["http://127.0.0.1/placeholder"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    }],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "picture"],
    },
    scopes: ["openid", "email", "profile", "offline_access"],
    async findAccount(_ctx, id) {
      const user = USERS[id];
      if (!user) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...user }) };
    },
    // Every code grant gets a refresh token, so get-access-token's refresh can be exercised.
    issueRefreshToken: async () => true,
    ttl: { AccessToken: 3600, IdToken: 3600, RefreshToken: 86400, Interaction: 600, Session: 600, Grant: 600 },
    features: { devInteractions: { enabled: true } },
    // The ID token carries the e-mail and profile claims too, as Google's does (built-in providers that
    // read the user from the ID token can then be pointed at this provider).
    conformIdTokenClaims: false,
    cookies: { keys: ["oidc-provider-test-cookie-key"] },
    pkce: { required: () => true },
  });
  provider.Client.prototype.redirectUriAllowed = function loopbackOnly(value) {
    return /^http:\/\/127\.0\.0\.1:\d+\//.test(value);
  };
  const server = createServer(provider.callback());
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", ok);
  });
  return { issuer, close: () => new Promise((ok) => server.close(ok)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2]);
  if (!port) {
    console.error("usage: node oidc-provider.mjs <port>");
    process.exit(2);
  }
  const { issuer } = await startOidcProvider({ port });
  console.log(JSON.stringify({ issuer }));
}

/**
 * A browser at the provider: opens `authorizationUrl`, signs in as `login` on the devInteractions form,
 * consents, and resolves to the URL the provider finally redirects to (the relying party's callback).
 */
export async function authorize(authorizationUrl, login) {
  const jar = new Map();
  const issuer = new URL(authorizationUrl).origin;
  const send = async (url, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  };
  let next = new URL(authorizationUrl);
  for (let hop = 0; hop < 12; hop++) {
    if (next.origin !== issuer) return next;
    const page = await send(next);
    const location = page.headers.get("location");
    if (location) {
      next = new URL(location, next);
      continue;
    }
    const html = await page.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!prompt) throw new Error(`oidc-provider answered ${page.status}: ${html.slice(0, 300)}`);
    const form = prompt === "login" ? { prompt, login, password: "any" } : { prompt };
    const submitted = await send(next, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
    next = new URL(submitted.headers.get("location"), next);
  }
  throw new Error("oidc-provider redirected too often");
}
