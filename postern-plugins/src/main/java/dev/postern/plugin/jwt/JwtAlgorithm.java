package dev.postern.plugin.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.Arrays;
import java.util.Optional;

/**
 * The signing algorithms better-auth's jwt plugin offers ({@code jwks.keyPairConfig.alg}), each with the
 * key pair it generates and the Nimbus signer and verifier for it. EdDSA keys are Ed25519 only, which is
 * what better-auth generates by default; Nimbus needs Tink on the class path for them.
 */
public enum JwtAlgorithm {
    EDDSA("EdDSA", JWSAlgorithm.EdDSA),
    ES256("ES256", JWSAlgorithm.ES256),
    ES512("ES512", JWSAlgorithm.ES512),
    RS256("RS256", JWSAlgorithm.RS256),
    PS256("PS256", JWSAlgorithm.PS256);

    private final String jwaName;
    private final JWSAlgorithm jws;

    JwtAlgorithm(String jwaName, JWSAlgorithm jws) {
        this.jwaName = jwaName;
        this.jws = jws;
    }

    /** The name in JWS headers, JWKs and the {@code alg} column ({@code EdDSA}, {@code ES256}, ...). */
    public String jwaName() {
        return jwaName;
    }

    public JWSAlgorithm jws() {
        return jws;
    }

    /** The algorithm with this JWA name, exactly as better-auth spells it. */
    public static Optional<JwtAlgorithm> named(String name) {
        return Arrays.stream(values()).filter(a -> a.jwaName.equals(name)).findFirst();
    }

    boolean isRsa() {
        return this == RS256 || this == PS256;
    }

    /** A new key pair as a private JWK (no {@code kid}: the row id is the key id). */
    JWK generate(KeyPairConfig config) {
        try {
            return switch (this) {
                case EDDSA -> new OctetKeyPairGenerator(Curve.Ed25519).generate();
                case ES256 -> new ECKeyGenerator(Curve.P_256).generate();
                case ES512 -> new ECKeyGenerator(Curve.P_521).generate();
                case RS256, PS256 -> new RSAKeyGenerator(config.modulusLength()).generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a " + jwaName + " key pair", e);
        }
    }

    JWSSigner signer(JWK privateKey) throws JOSEException {
        return switch (this) {
            case EDDSA -> new Ed25519Signer(privateKey.toOctetKeyPair());
            case ES256, ES512 -> new ECDSASigner(privateKey.toECKey());
            case RS256, PS256 -> new RSASSASigner(privateKey.toRSAKey());
        };
    }

    JWSVerifier verifier(JWK publicKey) throws JOSEException {
        return switch (this) {
            case EDDSA -> new Ed25519Verifier(publicKey.toOctetKeyPair().toPublicJWK());
            case ES256, ES512 -> new ECDSAVerifier(publicKey.toECKey().toPublicJWK());
            case RS256, PS256 -> new RSASSAVerifier(publicKey.toRSAKey().toPublicJWK());
        };
    }
}
