// What an authenticator app does with an otpauth URI: base32-decode the secret and compute RFC 6238 codes
// with node:crypto's HMAC-SHA1, independently of Postern and of better-auth.
import { createHmac } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text) {
  const bytes = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text.replace(/=+$/, "").toUpperCase()) {
    const value = ALPHABET.indexOf(ch);
    if (value < 0) throw new Error(`not base32: ${ch}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** {key, digits, period} from an otpauth://totp/ URI. */
export function parseOtpAuthUri(uri) {
  const url = new URL(uri);
  if (url.protocol !== "otpauth:") throw new Error(`not an otpauth URI: ${uri}`);
  return {
    key: base32Decode(url.searchParams.get("secret")),
    digits: Number(url.searchParams.get("digits") ?? 6),
    period: Number(url.searchParams.get("period") ?? 30),
    issuer: url.searchParams.get("issuer"),
  };
}

/** The TOTP code of `uri`'s secret at `time` (ms since the epoch). */
export function totpCode(uri, time = Date.now()) {
  const { key, digits, period } = parseOtpAuthUri(uri);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / period)));
  const hash = createHmac("sha1", key).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = hash.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, "0");
}
