package dev.postern.plugin.passkey;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A software authenticator for HTTP tests: an ES256 credential that answers registration and
 * authentication ceremonies with the JSON SimpleWebAuthn's browser library posts, built from the WebAuthn
 * specification with the JDK alone, so the server's verification is checked against an independent
 * encoder. Every field can be bent (origin, challenge, rp id, counter) to exercise a failure.
 */
final class SoftAuthenticator {
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final int UP = 0x01;
    private static final int UV = 0x04;
    private static final int AT = 0x40;

    private final KeyPair keys;
    final byte[] credentialId;
    private long counter;

    SoftAuthenticator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.credentialId = new byte[16];
        new SecureRandom().nextBytes(credentialId);
    }

    String credentialIdBase64Url() {
        return B64URL.encodeToString(credentialId);
    }

    /** The COSE_Key of the credential (EC2, ES256, P-256), canonical CBOR as authenticators write it. */
    byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20});
        out.writeBytes(unsigned32(key.getW().getAffineX()));
        out.writeBytes(new byte[] {0x22, 0x58, 0x20});
        out.writeBytes(unsigned32(key.getW().getAffineY()));
        return out.toByteArray();
    }

    void counter(long value) {
        counter = value;
    }

    /** {@code RegistrationResponseJSON} for {@code navigator.credentials.create} with this challenge. */
    Map<String, Object> register(String challenge, String origin, String rpId) {
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(UP | UV | AT);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        authData.writeBytes(new byte[16]);
        authData.writeBytes(new byte[] {(byte) (credentialId.length >> 8), (byte) credentialId.length});
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        byte[] clientData = clientData("webauthn.create", challenge, origin);

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64URL.encodeToString(clientData));
        response.put("attestationObject", B64URL.encodeToString(noneAttestation(authData.toByteArray())));
        response.put("transports", List.of("internal", "hybrid"));
        return credential(response);
    }

    /** {@code AuthenticationResponseJSON} for {@code navigator.credentials.get}; the counter goes up by one first. */
    Map<String, Object> authenticate(String challenge, String origin, String rpId) {
        counter++;
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(UP | UV);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        byte[] signed = concat(authData.toByteArray(), sha256(clientData));

        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64URL.encodeToString(clientData));
        response.put("authenticatorData", B64URL.encodeToString(authData.toByteArray()));
        response.put("signature", B64URL.encodeToString(sign(signed)));
        response.put("userHandle", B64URL.encodeToString("user-handle".getBytes(StandardCharsets.UTF_8)));
        return credential(response);
    }

    private Map<String, Object> credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", credentialIdBase64Url());
        credential.put("rawId", credentialIdBase64Url());
        credential.put("response", response);
        credential.put("type", "public-key");
        credential.put("authenticatorAttachment", "platform");
        return credential;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    /** CBOR {@code {"fmt": "none", "attStmt": {}, "authData": h'...'}}. */
    private static byte[] noneAttestation(byte[] authData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xA3);
        text(out, "fmt");
        text(out, "none");
        text(out, "attStmt");
        out.write(0xA0);
        text(out, "authData");
        out.write(0x59);
        out.write(authData.length >> 8);
        out.write(authData.length & 0xFF);
        out.writeBytes(authData);
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(0x60 + bytes.length);
        out.writeBytes(bytes);
    }

    private byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
