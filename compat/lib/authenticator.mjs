// A software WebAuthn authenticator for Node, installed as navigator.credentials so that
// @simplewebauthn/browser (and so better-auth's passkeyClient()) runs its ceremonies against it. ES256 keys
// from node:crypto, attestation "none", the bytes the WebAuthn specification prescribes: what a server
// verifies is what a browser would have sent.
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";

/** Software authenticator behind navigator.credentials; `origin` is what it writes into client data. */
export class SoftAuthenticator {
  constructor() {
    this.credentials = [];
    this.origin = null;
  }

  async create({ publicKey }) {
    const { publicKey: pub, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = pub.export({ format: "jwk" });
    const id = randomBytes(16);
    const cose = Buffer.concat([
      Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]),
      Buffer.from(jwk.x, "base64url"),
      Buffer.from([0x22, 0x58, 0x20]),
      Buffer.from(jwk.y, "base64url"),
    ]);
    const rpId = publicKey.rp.id;
    const authData = Buffer.concat([sha256(rpId), Buffer.from([0x45]), u32(0), Buffer.alloc(16), u16(id.length), id, cose]);
    const clientData = this.clientData("webauthn.create", publicKey.challenge);
    this.credentials.push({ id, privateKey, rpId, userHandle: Buffer.from(publicKey.user.id), counter: 0 });
    return {
      id: id.toString("base64url"),
      rawId: buffer(id),
      type: "public-key",
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: buffer(clientData),
        attestationObject: buffer(noneAttestation(authData)),
        getTransports: () => ["internal"],
        getAuthenticatorData: () => buffer(authData),
      },
      getClientExtensionResults: () => ({}),
    };
  }

  async get({ publicKey }) {
    const allowed = (publicKey.allowCredentials ?? []).map((c) => Buffer.from(c.id).toString("base64url"));
    const credential = this.credentials.findLast(
      (c) => c.rpId === publicKey.rpId && (allowed.length === 0 || allowed.includes(c.id.toString("base64url"))),
    );
    // Several discoverable credentials: the newest, as a user would pick in the browser's list.
    if (!credential) throw new DOMException("No credential", "NotAllowedError");
    credential.counter += 1;
    const authData = Buffer.concat([sha256(credential.rpId), Buffer.from([0x05]), u32(credential.counter)]);
    const clientData = this.clientData("webauthn.get", publicKey.challenge);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientData)]), credential.privateKey);
    return {
      id: credential.id.toString("base64url"),
      rawId: buffer(credential.id),
      type: "public-key",
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: buffer(clientData),
        authenticatorData: buffer(authData),
        signature: buffer(signature),
        userHandle: buffer(credential.userHandle),
      },
      getClientExtensionResults: () => ({}),
    };
  }

  clientData(type, challenge) {
    const json = { type, challenge: Buffer.from(challenge).toString("base64url"), origin: this.origin, crossOrigin: false };
    return Buffer.from(JSON.stringify(json));
  }
}

const sha256 = (data) => createHash("sha256").update(data).digest();
const u16 = (n) => Buffer.from([n >> 8, n & 0xff]);
const u32 = (n) => Buffer.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
const buffer = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
/** CBOR {"fmt": "none", "attStmt": {}, "authData": h'..'}. */
function noneAttestation(authData) {
  const text = (s) => Buffer.concat([Buffer.from([0x60 + s.length]), Buffer.from(s)]);
  return Buffer.concat([
    Buffer.from([0xa3]), text("fmt"), text("none"), text("attStmt"), Buffer.from([0xa0]), text("authData"),
    Buffer.from([0x59]), u16(authData.length), authData,
  ]);
}


/** Makes `authenticator` the browser's: defines what @simplewebauthn/browser looks for. */
export function installAuthenticator(authenticator) {
  globalThis.PublicKeyCredential ??= function PublicKeyCredential() {};
  Object.defineProperty(globalThis, "navigator", {
    value: { credentials: authenticator, userAgent: "node" },
    configurable: true,
  });
}
