package dev.postern.crypto;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import tools.jackson.databind.node.ObjectNode;

/**
 * better-auth's {@code symmetricEncodeJWT}/{@code symmetricDecodeJWT}: an encrypted JWT ({@code dir},
 * {@code A256CBC-HS512}) under a 64-byte key derived per purpose with HKDF-SHA-256 from the secret.
 * The {@code jwe} cookie cache uses salt {@value #SESSION_SALT}; the account cookie uses
 * {@code better-auth-account}. The header carries {@code kid}, the RFC 7638 thumbprint of the key, so a
 * reader can tell which secret encrypted a token.
 *
 * <p>With a {@link SecretRing}, tokens are encrypted under the current secret and decrypted with the
 * secret whose key the {@code kid} names, as better-auth's {@code symmetricDecodeJWT} does; a token
 * without {@code kid} is tried with each secret, current first.
 */
public final class SymmetricJwe {
    /** HKDF salt of the {@code session_data} cookie cache. */
    public static final String SESSION_SALT = "better-auth-session";
    /** HKDF salt of the {@code account_data} cookie. */
    public static final String ACCOUNT_SALT = "better-auth-account";

    private static final byte[] HKDF_INFO = "BetterAuth.js Generated Encryption Key".getBytes(StandardCharsets.US_ASCII);
    private static final int KEY_BYTES = 64;
    /** jose {@code clockTolerance} in {@code symmetricDecodeJWT}. */
    private static final long CLOCK_TOLERANCE_SECONDS = 15;
    /** better-auth lets jose accept A256GCM too; with a 64-byte key it can never decrypt, here as there. */
    private static final Set<EncryptionMethod> ACCEPTED_ENCRYPTION =
            Set.of(EncryptionMethod.A256CBC_HS512, EncryptionMethod.A256GCM);

    /** One secret's derived key and the {@code kid} that names it. */
    private record Key(byte[] bytes, String id) {
        static Key derive(Secret secret, String salt) {
            byte[] bytes = deriveKey(secret, salt);
            try {
                return new Key(bytes, new OctetSequenceKey.Builder(bytes).build().computeThumbprint().toString());
            } catch (JOSEException e) {
                throw new IllegalStateException("SHA-256 unavailable", e);
            }
        }
    }

    /** Current first, so it encrypts and is tried first. */
    private final List<Key> keys;
    private final Clock clock;

    public SymmetricJwe(SecretRing ring, String salt, Clock clock) {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(salt, "salt");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = ring.all().stream().map(secret -> Key.derive(secret, salt)).toList();
    }

    /** A JWE of one secret, as better-auth's with a plain {@code secret}. */
    public SymmetricJwe(Secret secret, String salt, Clock clock) {
        this(SecretRing.of(Objects.requireNonNull(secret, "secret")), salt, clock);
    }

    /** {@code HKDF-SHA256(ikm = UTF-8(secret), salt = UTF-8(salt), info = "BetterAuth.js Generated Encryption Key", L = 64)}. */
    static byte[] deriveKey(Secret secret, String salt) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(SHA256Digest.newInstance());
        hkdf.init(new HKDFParameters(secret.bytes(), Utf8.encode(salt), HKDF_INFO));
        byte[] out = new byte[KEY_BYTES];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    /** The {@code kid} new tokens carry: base64url SHA-256 thumbprint of {@code {"k":…,"kty":"oct"}} of the current key. */
    public String keyId() {
        return keys.getFirst().id();
    }

    /** Encrypts {@code claims} plus {@code iat}, {@code exp = iat + lifetime} and a random {@code jti}. */
    public String encode(ObjectNode claims, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        ObjectNode payload = claims.deepCopy();
        payload.put("iat", now);
        payload.put("exp", now + lifetime.toSeconds());
        payload.put("jti", UUID.randomUUID().toString());
        Key current = keys.getFirst();
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256CBC_HS512).keyID(current.id()).build();
        JWEObject jwe = new JWEObject(header, new Payload(JsJson.stringify(payload)));
        try {
            jwe.encrypt(new DirectEncrypter(current.bytes()));
        } catch (JOSEException e) {
            throw new IllegalStateException("A256CBC-HS512 encryption failed", e);
        }
        return jwe.serialize();
    }

    /**
     * The claims (including {@code iat}, {@code exp}, {@code jti}) of a token a key of the ring encrypted
     * and whose time claims hold within 15 seconds of tolerance; empty for anything else, including a
     * token whose {@code kid} names no key of the ring.
     */
    public Optional<ObjectNode> decode(String token) {
        JWEHeader header;
        try {
            header = JWEObject.parse(token).getHeader();
        } catch (ParseException e) {
            return Optional.empty();
        }
        if (!JWEAlgorithm.DIR.equals(header.getAlgorithm())
                || !ACCEPTED_ENCRYPTION.contains(header.getEncryptionMethod())
                || header.getCompressionAlgorithm() != null) { // jose 6 does not inflate
            return Optional.empty();
        }
        String kid = header.getKeyID();
        for (Key key : keys) {
            if (kid == null || kid.equals(key.id())) {
                Optional<String> payload = decrypt(token, key);
                if (payload.isPresent()) {
                    return JsonObjects.parse(payload.get()).filter(claims ->
                            JwtClaims.timesValid(claims, clock.instant().getEpochSecond(), CLOCK_TOLERANCE_SECONDS));
                }
            }
        }
        return Optional.empty();
    }

    /** A fresh parse per key: a {@code JWEObject} that failed to decrypt cannot be tried again. */
    private static Optional<String> decrypt(String token, Key key) {
        try {
            JWEObject jwe = JWEObject.parse(token);
            jwe.decrypt(new DirectDecrypter(key.bytes()));
            return Optional.of(jwe.getPayload().toString());
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
