package dev.postern.plugin.twofactor;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA1 from {@code javax.crypto}, as
 * {@code @better-auth/utils/otp} computes them: counter {@code floor(unixSeconds / period)} as a big-endian
 * 64-bit integer, dynamic truncation, {@code mod 10^digits}, left-padded with zeros. Verification accepts
 * the current step and one step either side, comparing every candidate in constant time.
 *
 * <p>The key is the secret's bytes: better-auth keys the HMAC with the UTF-8 bytes of its 32-character
 * secret, not with a base32 decoding of it ({@link #keyOf(String)}).
 */
public final class Totp {
    /** Secrets imported from other providers are stored as {@code base32:<secret>} (better-auth 1.7.25). */
    static final String BASE32_PREFIX = "base32:";
    private static final String ALGORITHM = "HmacSHA1";
    private static final int WINDOW = 1;

    private final byte[] key;
    private final int digits;
    private final int period;

    public Totp(byte[] key, int digits, int period) {
        this.key = Objects.requireNonNull(key, "key").clone();
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("digits must be between 1 and 8: " + digits);
        }
        if (period < 1) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        this.digits = digits;
        this.period = period;
    }

    /**
     * The HMAC key of a stored (decrypted) secret: its UTF-8 bytes, or the decoded bytes of an imported
     * {@code base32:} secret.
     */
    public static byte[] keyOf(String secret) {
        if (secret.startsWith(BASE32_PREFIX)) {
            return Base32.decode(secret.substring(BASE32_PREFIX.length()));
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The HOTP value for {@code counter} (RFC 4226 §5.3). */
    public String hotp(long counter) {
        byte[] hash = mac().doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long modulus = (long) Math.pow(10, digits);
        String code = Long.toString(binary % modulus);
        return "0".repeat(digits - code.length()) + code;
    }

    /** The TOTP value at {@code time} (RFC 6238 §4.2). */
    public String at(Instant time) {
        return hotp(counterAt(time));
    }

    /** Whether {@code code} is the value of the step at {@code time} or of one step either side. */
    public boolean verify(String code, Instant time) {
        byte[] given = (code == null ? "" : code).getBytes(StandardCharsets.UTF_8);
        long counter = counterAt(time);
        boolean matched = false;
        for (long step = counter - WINDOW; step <= counter + WINDOW; step++) {
            // No short cut: every candidate is computed and compared, whichever matches.
            matched |= MessageDigest.isEqual(given, hotp(step).getBytes(StandardCharsets.UTF_8));
        }
        return matched;
    }

    private long counterAt(Instant time) {
        return Math.floorDiv(time.toEpochMilli(), period * 1000L);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }
}
