package dev.postern.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * better-auth's {@code defaultKeyHasher}: {@code base64url-nopad(SHA-256(UTF-8(value)))}. Plugins that keep
 * only a digest of a one-time secret (magic-link tokens, e-mail OTPs with {@code storeOTP: "hashed"}) store
 * this, so rows written by either implementation match a secret presented to the other.
 */
public final class KeyHashes {
    private KeyHashes() {
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Encodings.base64UrlNoPad(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Constant-time equality of two strings' UTF-8 bytes, for comparing secrets. */
    public static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
