// better-auth's official client with a cookie jar, so it behaves like a browser against a real server.
import { createAuthClient } from "better-auth/client";

/** A minimal cookie jar: remembers Set-Cookie values, drops expired ones, sends them back. */
export class CookieJar {
  constructor() {
    this.cookies = new Map();
  }
  store(response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=(0|-)/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  get(name) {
    return this.cookies.get(name);
  }
}

/**
 * Creates a client for `server` (from startPostern) with its own jar; `headers` are sent on every request
 * (e.g. its own `x-forwarded-for`, so rate limits count it as its own client); other options are merged.
 */
export function clientFor(server, { headers: extraHeaders = {}, ...options } = {}) {
  const jar = new CookieJar();
  const customFetchImpl = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(extraHeaders)) if (!headers.has(name)) headers.set(name, value);
    const cookie = jar.header();
    if (cookie) headers.set("cookie", cookie);
    if (!headers.has("origin")) headers.set("origin", server.origin);
    const response = await fetch(input, { ...init, headers, redirect: "manual" });
    jar.store(response);
    return response;
  };
  const client = createAuthClient({
    baseURL: server.origin,
    fetchOptions: { customFetchImpl },
    ...options,
  });
  return { client, jar, fetch: customFetchImpl };
}
