package dev.postern.crypto;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * better-auth's {@code signJWT}/{@code verifyJWT}: HS256 JWTs keyed with {@code UTF-8(secret)}, used for
 * e-mail verification links and the {@code jwt} cookie-cache strategy. The header is exactly
 * {@code {"alg":"HS256"}} and the payload is the caller's claims followed by {@code iat} and {@code exp}.
 *
 * <p>Nimbus parses the token, but the MAC is computed with the JDK: Nimbus' {@code MACSigner} refuses
 * keys under 256 bits, while better-auth (only warning about short secrets) signs with any secret.
 *
 * <p>Tokens are signed with the current secret of the {@link SecretRing} and verified against every
 * secret in it (better-auth verifies with its current secret only), so links mailed before a rotation
 * keep working.
 */
public final class Hs256Jwt {
    /** better-auth's default lifetime for {@code signJWT}. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private static final String ENCODED_HEADER =
            Encodings.base64UrlNoPad("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.US_ASCII));

    private final SecretRing ring;
    private final Clock clock;

    public Hs256Jwt(SecretRing ring, Clock clock) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Tokens of one secret, as better-auth's. */
    public Hs256Jwt(Secret secret, Clock clock) {
        this(SecretRing.of(secret), clock);
    }

    /** Signs {@code claims} plus {@code iat = now} and {@code exp = now + lifetime} (whole seconds). */
    public String sign(ObjectNode claims, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        ObjectNode payload = claims.deepCopy();
        payload.put("iat", now);
        payload.put("exp", now + lifetime.toSeconds());
        String signingInput = ENCODED_HEADER + "." + Encodings.base64UrlNoPad(Utf8.encode(JsJson.stringify(payload)));
        byte[] mac = Hmac.sha256(ring.current().bytes(), signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Encodings.base64UrlNoPad(mac);
    }

    /**
     * The claims of a token signed with a secret of the ring whose time claims hold (no clock tolerance, as in
     * {@code verifyJWT}); empty for anything else. Only HS256 is accepted: better-auth never issues
     * another algorithm, and pinning it closes the door on algorithm confusion.
     */
    public Optional<ObjectNode> verify(String token) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException e) {
            return Optional.empty();
        }
        JWSHeader header = jws.getHeader();
        if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())
                || !header.isBase64URLEncodePayload()
                || header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            return Optional.empty();
        }
        byte[] given = jws.getSignature().decode();
        byte[] signingInput = jws.getSigningInput();
        if (ring.all().stream().noneMatch(secret -> MessageDigest.isEqual(Hmac.sha256(secret.bytes(), signingInput), given))) {
            return Optional.empty();
        }
        return JsonObjects.parse(jws.getPayload().toString())
                .filter(claims -> JwtClaims.timesValid(claims, clock.instant().getEpochSecond(), 0));
    }
}
