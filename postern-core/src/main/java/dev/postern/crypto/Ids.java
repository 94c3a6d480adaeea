package dev.postern.crypto;

import java.security.SecureRandom;

/**
 * Random identifiers and tokens in better-auth's alphabets. Characters are drawn by rejection
 * sampling from a CSPRNG so every symbol is equally likely.
 */
public final class Ids {
    /** {@code a-zA-Z0-9}: record ids (32), session tokens (32), reset tokens (24). */
    public static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** {@code a-z0-9A-Z-_}: better-auth's {@code generateRandomString} default. */
    public static final String URL_SAFE = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A 32-character id like better-auth's {@code generateId()}. */
    public static String generate() {
        return random(32, ALPHANUMERIC);
    }

    public static String random(int length, String alphabet) {
        if (alphabet.isEmpty() || alphabet.length() > 256) {
            throw new IllegalArgumentException("alphabet must have 1..256 symbols");
        }
        int n = alphabet.length();
        // The largest multiple of n below 256: bytes at or above it are rejected to avoid modulo bias.
        int limit = 256 - (256 % n);
        char[] out = new char[length];
        byte[] buf = new byte[Math.max(16, length * 2)];
        int filled = 0;
        while (filled < length) {
            RANDOM.nextBytes(buf);
            for (int i = 0; i < buf.length && filled < length; i++) {
                int b = buf[i] & 0xff;
                if (b < limit) {
                    out[filled++] = alphabet.charAt(b % n);
                }
            }
        }
        return new String(out);
    }

    /** Fresh random bytes; for secrets and salts. */
    public static byte[] bytes(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }
}
