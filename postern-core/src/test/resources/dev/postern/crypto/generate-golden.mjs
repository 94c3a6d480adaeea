// Regenerates better-auth-1.7.25-golden.json, fixed outputs of the real better-auth that the offline
// tests (GoldenVectorsTest) decode with a clock pinned to "nowMillis". Run next to an install of
// better-auth 1.7.25:  node generate-golden.mjs > better-auth-1.7.25-golden.json
import { betterAuth } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { hashPassword, signJWT, symmetricEncodeJWT } from "better-auth/crypto";
const secret = "postern-golden-secret-0123456789abcdef";
const out = { betterAuthVersion: "1.7.25", secret, strategies: {} };
const t0 = Date.now();
for (const strategy of ["compact", "jwt", "jwe"]) {
  const db = { user: [], session: [], account: [], verification: [] };
  const auth = betterAuth({ secret, baseURL: "http://localhost:3000", database: memoryAdapter(db), emailAndPassword: { enabled: true }, session: { cookieCache: { enabled: true, strategy, maxAge: 300 } }, telemetry: { enabled: false }, logger: { disabled: true } });
  const name = strategy === "compact" ? "Zoë 😀 \u0001 \"quoted\" </script> " + "x".repeat(5000) : "Zoë 😀 \u0001 </script>";
  const res = await auth.handler(new Request("http://localhost:3000/api/auth/sign-up/email", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, email: "Golden@Example.com", password: "correct horse battery staple" }) }));
  const setCookies = res.headers.getSetCookie();
  out.strategies[strategy] = { setCookies, sessionToken: db.session[0].token, userId: db.user[0].id };
}
out.nowMillis = t0 + 2000;
out.passwordHash = { password: "correct horse battery staple ﬁ Å", hash: await hashPassword("correct horse battery staple ﬁ Å") };
out.emailJwt = { token: await signJWT({ email: "golden@example.com", updateTo: null }, secret, 3600) };
out.accountJwe = { token: await symmetricEncodeJWT({ accountId: "acc-1", providerId: "github", accessToken: "gho_x" }, secret, "better-auth-account", 300) };
console.log(JSON.stringify(out, null, 1));
