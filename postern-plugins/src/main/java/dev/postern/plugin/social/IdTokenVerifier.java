package dev.postern.plugin.social;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies ID tokens as better-auth's {@code verifyIdToken} does: a signature by a key of the provider's
 * JWKS (Nimbus fetches and caches the set, and fetches it again when a token names a key it has not seen,
 * so a key rollover needs no restart), one of the allowed algorithms, the issuer, an audience among the
 * client ids, {@code iss sub aud exp iat} present, not expired and not from the future (30 s tolerance),
 * at most {@code maxAge} old when set, and the flow's {@code nonce} when one is expected.
 */
public final class IdTokenVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(IdTokenVerifier.class);
    private static final Duration TOLERANCE = Duration.ofSeconds(30);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final java.util.function.Predicate<JWTClaimsSet> issuerAccepted;
    private final List<String> audiences;
    private final Duration maxAge;
    private final Clock clock;
    private final boolean nonceMayBeHashed;

    public IdTokenVerifier(URI jwksUri, Set<String> issuers, List<String> audiences, Set<JWSAlgorithm> algorithms,
            Duration maxAge, Clock clock) {
        this(jwksUri, issuers, audiences, algorithms, maxAge, clock, false);
    }

    /**
     * @param nonceMayBeHashed also accept a {@code nonce} claim equal to the hex SHA-256 of the expected nonce
     *     (better-auth's {@code exact-or-sha256}: Apple's native SDKs hash the nonce they are given)
     */
    public IdTokenVerifier(URI jwksUri, Set<String> issuers, List<String> audiences, Set<JWSAlgorithm> algorithms,
            Duration maxAge, Clock clock, boolean nonceMayBeHashed) {
        this(jwksUri, claims -> claims.getIssuer() != null && Set.copyOf(issuers).contains(claims.getIssuer()), audiences,
                algorithms, maxAge, clock, nonceMayBeHashed);
    }

    /**
     * A verifier whose issuer rule depends on the token (Microsoft's multi-tenant endpoints: the issuer must
     * name the token's own tenant, {@code tid}).
     */
    public IdTokenVerifier(URI jwksUri, java.util.function.Predicate<JWTClaimsSet> issuerAccepted, List<String> audiences,
            Set<JWSAlgorithm> algorithms, Duration maxAge, Clock clock, boolean nonceMayBeHashed) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(jwksUri.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("jwks_uri is not a URL: " + jwksUri, e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        // Claims are checked below against the instance's clock.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        this.issuerAccepted = issuerAccepted;
        this.audiences = List.copyOf(audiences);
        this.maxAge = maxAge;
        this.clock = clock;
        this.nonceMayBeHashed = nonceMayBeHashed;
    }

    /** The algorithms of a discovery document's {@code id_token_signing_alg_values_supported}, RS256 if none. */
    public static Set<JWSAlgorithm> algorithms(List<String> names) {
        if (names == null || names.isEmpty()) {
            return Set.of(JWSAlgorithm.RS256);
        }
        return names.stream().filter(n -> !n.equals("none")).map(JWSAlgorithm::parse).collect(Collectors.toSet());
    }

    /** The verified claims, or empty when the token does not verify (any reason; logged at debug). */
    public Optional<JWTClaimsSet> verify(String token, String expectedNonce) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception invalid) {
            LOG.debug("ID token rejected: {}", invalid.getMessage());
            return Optional.empty();
        }
        if (!acceptable(claims)) {
            return Optional.empty();
        }
        if (expectedNonce != null) {
            Object nonce = claims.getClaim("nonce");
            if (!(nonce instanceof String n) || !(same(n, expectedNonce) || (nonceMayBeHashed && same(n, sha256Hex(expectedNonce))))) {
                LOG.debug("ID token rejected: nonce mismatch");
                return Optional.empty();
            }
        }
        return Optional.of(claims);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256Hex(String value) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean acceptable(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (claims.getIssuer() == null || !issuerAccepted.test(claims) || claims.getSubject() == null
                || claims.getAudience() == null || claims.getAudience().stream().noneMatch(audiences::contains)
                || exp == null || iat == null) {
            return false;
        }
        if (!exp.toInstant().plus(TOLERANCE).isAfter(now)) {
            return false;
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(TOLERANCE).isAfter(now)) {
            return false;
        }
        if (iat.toInstant().minus(TOLERANCE).isAfter(now)) {
            return false;
        }
        return maxAge == null || Duration.between(iat.toInstant(), now).compareTo(maxAge.plus(TOLERANCE)) <= 0;
    }
}
