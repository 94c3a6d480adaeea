package dev.postern.plugin.onetimetoken;

import dev.postern.crypto.Encodings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** better-auth's {@code defaultKeyHasher}: base64url (no padding) of SHA-256 over the token's UTF-8 bytes. */
final class TokenHashing {
    private TokenHashing() {
    }

    static String sha256(String token) {
        try {
            return Encodings.base64UrlNoPad(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
