package dev.postern.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.XChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * better-auth's {@code symmetricEncrypt}/{@code symmetricDecrypt} (wire reference §10), for values stored
 * encrypted (TOTP secrets, backup codes, OAuth tokens, the JWKS private key) and the encrypted OAuth state
 * cookie: XChaCha20-Poly1305 under {@code SHA-256(UTF-8(secret))}, written as
 * {@code hex(nonce(24) ‖ ciphertext ‖ tag(16))}. With a versioned {@link SecretRing} the hex is wrapped in
 * better-auth's envelope {@code $ba$<version>$<hex>} under the current secret, so a value stays readable
 * for as long as its version stays in the ring. Either implementation reads what the other wrote.
 *
 * <p>The cipher is Bouncy Castle's {@code XChaCha20Poly1305}, already on the class path for HKDF: the
 * JDK has only the 12-byte-nonce ChaCha20-Poly1305.
 */
public final class SymmetricEncryption {
    private static final String ENVELOPE_PREFIX = "$ba$";
    private static final int NONCE_BYTES = 24;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretRing ring;

    public SymmetricEncryption(SecretRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    /**
     * Encryption under better-auth 1.7.25's purpose keys ({@code derivePurposeKey}): each secret of the
     * ring replaced by {@link PurposeKeys#derive}, versions kept, so one purpose's ciphertext never
     * decrypts as another's.
     */
    public static SymmetricEncryption forPurpose(SecretRing ring, String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        return new SymmetricEncryption(ring.map(secret -> PurposeKeys.derive(secret, purpose)));
    }

    /** {@code $ba$<current version>$<hex>} with a versioned ring, bare hex with a single secret. */
    public String encrypt(String plaintext) {
        String hex = encryptHex(ring.current(), plaintext);
        return ring.isVersioned() ? ENVELOPE_PREFIX + ring.currentVersion().getAsInt() + "$" + hex : hex;
    }

    /**
     * The plaintext, or empty when the value was not written with a secret of this ring, was altered, or
     * is not shaped like a ciphertext. An envelope is decrypted with the secret of its version. Bare hex
     * is decrypted with the legacy secret, as in better-auth; a ring without a legacy secret goes
     * further and tries each of its secrets, so values written before versions were introduced stay
     * readable when the old secret was listed as a version instead of kept as {@code secret}. Trying
     * keys is safe with an AEAD: a wrong key fails its tag.
     */
    public Optional<String> decrypt(String data) {
        Objects.requireNonNull(data, "data");
        if (data.startsWith(ENVELOPE_PREFIX)) {
            return envelope(data);
        }
        if (ring.legacy().isPresent()) {
            return decryptHex(ring.legacy().get(), data);
        }
        for (Secret secret : ring.all()) {
            Optional<String> plaintext = decryptHex(secret, data);
            if (plaintext.isPresent()) {
                return plaintext;
            }
        }
        return Optional.empty();
    }

    private Optional<String> envelope(String data) {
        int separator = data.indexOf('$', ENVELOPE_PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        OptionalInt version = SecretRing.parseVersion(data.substring(ENVELOPE_PREFIX.length(), separator));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        return ring.version(version.getAsInt()).flatMap(secret -> decryptHex(secret, data.substring(separator + 1)));
    }

    private static String encryptHex(Secret secret, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] input = Utf8.encode(plaintext);
        XChaCha20Poly1305 cipher = new XChaCha20Poly1305();
        cipher.init(true, new AEADParameters(new KeyParameter(key(secret)), TAG_BITS, nonce));
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(input.length));
        int written = cipher.processBytes(input, 0, input.length, out, NONCE_BYTES);
        try {
            cipher.doFinal(out, NONCE_BYTES + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("XChaCha20-Poly1305 encryption failed", e);
        }
        return Encodings.hex(out);
    }

    private static Optional<String> decryptHex(Secret secret, String hex) {
        byte[] data;
        try {
            data = HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (data.length < NONCE_BYTES + TAG_BYTES) {
            return Optional.empty();
        }
        XChaCha20Poly1305 cipher = new XChaCha20Poly1305();
        cipher.init(false, new AEADParameters(new KeyParameter(key(secret)), TAG_BITS,
                Arrays.copyOf(data, NONCE_BYTES)));
        byte[] out = new byte[cipher.getOutputSize(data.length - NONCE_BYTES)];
        try {
            int written = cipher.processBytes(data, NONCE_BYTES, data.length - NONCE_BYTES, out, 0);
            written += cipher.doFinal(out, written);
            // TextDecoder's default, like new String: malformed bytes become U+FFFD.
            return Optional.of(new String(out, 0, written, StandardCharsets.UTF_8));
        } catch (InvalidCipherTextException e) {
            return Optional.empty();
        }
    }

    /** {@code SHA-256(UTF-8(secret))}: better-auth hashes the secret string into the 32-byte key. */
    private static byte[] key(Secret secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.bytes());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
