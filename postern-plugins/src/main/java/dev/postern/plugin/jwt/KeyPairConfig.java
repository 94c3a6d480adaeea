package dev.postern.plugin.jwt;

import java.util.Objects;
import java.util.Optional;

/**
 * better-auth's {@code jwks.keyPairConfig}: the algorithm of new keys, the curve for EdDSA (only
 * {@code Ed25519}) and the RSA modulus length for RS256/PS256 (default 2048, as jose's).
 *
 * @param alg the signing algorithm
 * @param crv the curve to record in the {@code crv} column; empty to take the key's own
 * @param modulusLength RSA key size in bits, at least 2048
 */
public record KeyPairConfig(JwtAlgorithm alg, Optional<String> crv, int modulusLength) {
    public static final int DEFAULT_MODULUS_LENGTH = 2048;

    public KeyPairConfig {
        Objects.requireNonNull(alg, "alg");
        crv = crv == null ? Optional.empty() : crv;
        if (alg.isRsa() && modulusLength < 2048) {
            throw new IllegalArgumentException("keyPairConfig.modulusLength must be at least 2048, got " + modulusLength);
        }
        if (alg == JwtAlgorithm.EDDSA && crv.isPresent() && !crv.get().equals("Ed25519")) {
            throw new IllegalArgumentException("keyPairConfig.crv must be Ed25519 for EdDSA, got " + crv.get());
        }
    }

    /** better-auth's default: EdDSA over Ed25519. */
    public static KeyPairConfig defaults() {
        return new KeyPairConfig(JwtAlgorithm.EDDSA, Optional.of("Ed25519"), DEFAULT_MODULUS_LENGTH);
    }

    public static KeyPairConfig of(JwtAlgorithm alg) {
        return alg == JwtAlgorithm.EDDSA ? defaults() : new KeyPairConfig(alg, Optional.empty(), DEFAULT_MODULUS_LENGTH);
    }

    public static KeyPairConfig rsa(JwtAlgorithm alg, int modulusLength) {
        return new KeyPairConfig(alg, Optional.empty(), modulusLength);
    }
}
