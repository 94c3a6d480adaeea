package dev.postern.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 as better-auth computes it: key {@code UTF-8(secret)}, message {@code UTF-8(text)}.
 * {@link #sign} mirrors {@code createHMAC("SHA-256", "base64urlnopad").sign} and {@link #verify} its
 * {@code verify}, which takes the signature in either base64 alphabet.
 */
public final class Hmac {
    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {
    }

    /** The raw 32-byte MAC of {@code message} under {@code key}. */
    public static byte[] sha256(byte[] key, byte[] message) {
        return keyed(key).doFinal(message);
    }

    /** The raw MAC of {@code UTF-8(message)} under the secret. */
    public static byte[] sha256(Secret secret, String message) {
        return secret.hmac().doFinal(Utf8.encode(message));
    }

    /** A new HMAC-SHA256 initialised with {@code key}. */
    static Mac keyed(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JDK and the key is never empty (Secret forbids it).
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** {@code base64url_nopad(HMAC-SHA256(secret, message))}: the cookie-cache and trust-device signature. */
    public static String sign(Secret secret, String message) {
        return Encodings.base64UrlNoPad(sha256(secret, message));
    }

    /** Checks a base64 (either alphabet, padding optional) signature in constant time. */
    public static boolean verify(Secret secret, String message, String signature) {
        return Encodings.decodeBase64EitherAlphabet(signature)
                .map(given -> MessageDigest.isEqual(sha256(secret, message), given))
                .orElse(false);
    }
}
