package dev.postern.plugin.emailotp;

import dev.postern.crypto.KeyHashes;
import dev.postern.crypto.SecretRing;
import dev.postern.crypto.SymmetricEncryption;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * How an OTP is kept in its {@code verification} row (better-auth's {@code storeOTP}): as is, as
 * better-auth's SHA-256 digest, encrypted with better-auth's envelope under the instance secret, or with a
 * custom hash or cipher. Checks compare in constant time.
 */
public interface OtpStorage {

    /** {@code storeOTP: "plain"} (default). */
    OtpStorage PLAIN = new OtpStorage() {
        @Override
        public String store(String otp, SecretRing secrets) {
            return otp;
        }

        @Override
        public Optional<String> reveal(String stored, SecretRing secrets) {
            return Optional.of(stored);
        }
    };

    /** {@code storeOTP: "hashed"}: base64url SHA-256; the code cannot be read back or reused. */
    OtpStorage HASHED = hashed(KeyHashes::sha256);

    /** {@code storeOTP: "encrypted"}: better-auth's {@code symmetricEncrypt} with the instance secret. */
    OtpStorage ENCRYPTED = new OtpStorage() {
        @Override
        public String store(String otp, SecretRing secrets) {
            return new SymmetricEncryption(secrets).encrypt(otp);
        }

        @Override
        public Optional<String> reveal(String stored, SecretRing secrets) {
            return new SymmetricEncryption(secrets).decrypt(stored);
        }
    };

    /** The value stored for {@code otp}. */
    String store(String otp, SecretRing secrets);

    /** The code behind a stored value, or empty when it cannot be recovered (hashed). */
    Optional<String> reveal(String stored, SecretRing secrets);

    /** Whether {@code otp} is the code behind {@code stored}, compared in constant time. */
    default boolean matches(String stored, String otp, SecretRing secrets) {
        return reveal(stored, secrets).map(code -> KeyHashes.equal(code, otp)).orElse(false);
    }

    /** {@code storeOTP: {hash}}: a custom one-way hash. */
    static OtpStorage hashed(UnaryOperator<String> hash) {
        Objects.requireNonNull(hash, "hash");
        return new OtpStorage() {
            @Override
            public String store(String otp, SecretRing secrets) {
                return hash.apply(otp);
            }

            @Override
            public Optional<String> reveal(String stored, SecretRing secrets) {
                return Optional.empty();
            }

            @Override
            public boolean matches(String stored, String otp, SecretRing secrets) {
                return KeyHashes.equal(hash.apply(otp), stored);
            }

            @Override
            public boolean hashed() {
                return true;
            }
        };
    }

    /** {@code storeOTP: {encrypt, decrypt}}: a custom reversible cipher. */
    static OtpStorage encrypted(UnaryOperator<String> encrypt, UnaryOperator<String> decrypt) {
        Objects.requireNonNull(encrypt, "encrypt");
        Objects.requireNonNull(decrypt, "decrypt");
        return new OtpStorage() {
            @Override
            public String store(String otp, SecretRing secrets) {
                return encrypt.apply(otp);
            }

            @Override
            public Optional<String> reveal(String stored, SecretRing secrets) {
                return Optional.ofNullable(decrypt.apply(stored));
            }
        };
    }

    /** Whether only a digest is kept, so the server-only {@code getVerificationOTP} refuses. */
    default boolean hashed() {
        return false;
    }
}
