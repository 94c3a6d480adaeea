// Test driver for Postern's crypto interop tests: runs one operation against the real better-auth
// installed next to this file. Reads {"op": ..., "input": ...} on stdin and prints the result as JSON
// after a marker line, so stray console output from libraries cannot corrupt it.
// Modules are imported per operation: loading all of better-auth for every call is needlessly slow.
const betterAuthCrypto = () => import("better-auth/crypto");
const betterCall = () => import("better-call");

const MARKER = "@@POSTERN-RESULT@@";

// better-auth's key argument of symmetricEncrypt/Decrypt: a plain secret string, or the SecretConfig it
// builds from BETTER_AUTH_SECRETS ({secrets: "2:b,1:a", legacySecret}) with its own internal parser;
// with a purpose, the purpose key derived from that (better-auth 1.7.25 crypto/purpose).
async function symmetricKey(key, purpose) {
  let config = key;
  if (typeof key !== "string") {
    const { parseSecretsEnv, buildSecretConfig } = await import("./node_modules/better-auth/dist/context/secret-utils.mjs");
    config = buildSecretConfig(parseSecretsEnv(key.secrets), key.legacySecret ?? "");
  }
  if (!purpose) return config;
  const { derivePurposeKey } = await import("./node_modules/better-auth/dist/crypto/purpose.mjs");
  return derivePurposeKey(config, purpose);
}

function doubleFromHex(hex) {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt("0x" + hex));
  return view.getFloat64(0);
}

// Values built natively in JavaScript; Java re-parses each JSON.stringify output and must write it back identically.
function jsCorpus() {
  const sparse = {};
  sparse.b = 1; sparse[10] = "ten"; sparse.a = 2; sparse[2] = "two"; sparse["-1"] = "neg"; sparse["01"] = "lead";
  return [
    { session: { id: "x", expiresAt: new Date(Date.UTC(2030, 0, 2, 3, 4, 5, 6)) }, n: 0.1 + 0.2 },
    [1e21, 1e-7, 123e-20, -0, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 1 / 3, 100, 1.5e300, -2.5e-8],
    "emoji 😀 and é and \u2028\u2029 and </script> and \\ \" \b\f\n\r\t \u0000\u001f\u007f",
    "lone \ud800 high, lone \udc00 low, pair \ud83d\ude00",
    sparse,
    { nested: [[[{ deep: [null, true, false, ""] }]]], date: new Date(-1), big: 12345678901234567890 },
    new Date(Date.UTC(10000, 0, 1)),
  ].map((value) => JSON.stringify(value));
}

const ops = {
  hashPassword: async ({ passwords }) => {
    const { hashPassword } = await betterAuthCrypto();
    return Promise.all(passwords.map((p) => hashPassword(p)));
  },
  verifyPassword: async ({ pairs }) => {
    const { verifyPassword } = await betterAuthCrypto();
    return Promise.all(pairs.map(({ hash, password }) => verifyPassword({ hash, password })));
  },
  signCookie: async ({ secret, values }) => {
    const { serializeSignedCookie } = await betterCall();
    return Promise.all(values.map(async (v) => (await serializeSignedCookie("c", v, secret)).slice("c=".length)));
  },
  getSignedCookie: async ({ secret, cookies }) => {
    const { createEndpoint } = await betterCall();
    const endpoint = createEndpoint("/probe", { method: "GET" }, async (ctx) => ({ value: await ctx.getSignedCookie("c", secret) }));
    const out = [];
    for (const raw of cookies) out.push((await endpoint({ headers: new Headers({ cookie: `c=${raw}` }) })).value);
    return out;
  },
  restringify: async ({ texts }) => texts.map((t) => JSON.stringify(JSON.parse(t))),
  numbers: async ({ bits }) => bits.map((hex) => String(doubleFromHex(hex))),
  jsCorpus: async () => jsCorpus(),
  isoDates: async ({ millis }) => millis.map((ms) => new Date(ms).toISOString()),
  reviveDates: async ({ texts }) => {
    const { safeJSONParse } = await import("@better-auth/core/utils/json");
    return texts.map((t) => JSON.stringify(safeJSONParse(JSON.stringify({ v: t })).v));
  },
  getCookieCache: async ({ secret, strategy, cookieHeader }) => {
    const { getCookieCache } = await import("better-auth/cookies");
    return (await getCookieCache(new Headers({ cookie: cookieHeader }), { secret, strategy, isSecure: false })) ?? null;
  },
  signUpWithCookieCache: async ({ secret, strategy, name, email, password, maxAge }) => {
    const { betterAuth } = await import("better-auth");
    const { memoryAdapter } = await import("better-auth/adapters/memory");
    const db = { user: [], session: [], account: [], verification: [] };
    const auth = betterAuth({
      secret,
      baseURL: "http://localhost:3000",
      database: memoryAdapter(db),
      emailAndPassword: { enabled: true },
      session: { cookieCache: { enabled: true, strategy, maxAge } },
      telemetry: { enabled: false },
      logger: { disabled: true },
    });
    const response = await auth.handler(new Request("http://localhost:3000/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, email, password }),
    }));
    return { status: response.status, setCookies: response.headers.getSetCookie() };
  },
  signJWT: async ({ payload, secret, expiresIn }) => (await betterAuthCrypto()).signJWT(payload, secret, expiresIn),
  verifyJWT: async ({ token, secret }) => (await (await betterAuthCrypto()).verifyJWT(token, secret)) ?? null,
  symmetricEncodeJWT: async ({ payload, secret, salt, expiresIn }) =>
    (await betterAuthCrypto()).symmetricEncodeJWT(payload, secret, salt, expiresIn),
  symmetricDecodeJWT: async ({ token, secret, salt }) =>
    (await (await betterAuthCrypto()).symmetricDecodeJWT(token, secret, salt)) ?? null,
  symmetricEncrypt: async ({ key, purpose, plaintexts }) => {
    const { symmetricEncrypt } = await betterAuthCrypto();
    const k = await symmetricKey(key, purpose);
    return Promise.all(plaintexts.map((data) => symmetricEncrypt({ key: k, data })));
  },
  symmetricDecrypt: async ({ key, purpose, ciphertexts }) => {
    const { symmetricDecrypt } = await betterAuthCrypto();
    const k = await symmetricKey(key, purpose);
    return Promise.all(ciphertexts.map((data) => symmetricDecrypt({ key: k, data }).catch(() => null)));
  },
  derivePurposeKey: async ({ secret, purpose }) => symmetricKey(secret, purpose),
};

let raw = "";
for await (const chunk of process.stdin) raw += chunk;
const { op, input } = JSON.parse(raw);
if (!ops[op]) throw new Error(`unknown op ${op}`);
const result = await ops[op](input ?? {});
process.stdout.write("\n" + MARKER + "\n" + JSON.stringify(result) + "\n");
