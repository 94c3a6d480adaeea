package dev.postern.plugin.apikey;

import dev.postern.crypto.Encodings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * better-auth's {@code defaultKeyHasher}: {@code base64url_nopad(SHA-256(UTF-8(key)))}, what the
 * {@code apikey.key} column holds, so keys created by either side verify on the other. A plain digest is
 * enough: keys are 64 random letters (about 370 bits), far beyond brute force, and one digest keeps
 * verification cheap.
 */
public final class ApiKeyHasher {
    private ApiKeyHasher() {
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Encodings.base64UrlNoPad(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
