package dev.postern.plugin.onetap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies Google ID tokens as better-auth's {@code verifyGoogleIdToken} does: RS256 only, signed by a key
 * of Google's JWKS (fetched and cached by Nimbus), issuer {@code https://accounts.google.com} or
 * {@code accounts.google.com}, audience one of the client ids, {@code iss sub aud exp iat} present, not
 * expired, issued at most an hour ago, with 30 s of clock tolerance. Any failure, a JWKS that cannot be
 * fetched included, is simply "not valid".
 */
final class GoogleIdTokens {
    private static final Logger LOG = LoggerFactory.getLogger(GoogleIdTokens.class);
    private static final Set<String> ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");
    private static final Duration TOLERANCE = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofHours(1);

    private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final List<String> audiences;
    private final Clock clock;

    GoogleIdTokens(URI jwksUrl, List<String> audiences, Clock clock) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(jwksUrl.toURL()).retrying(false).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("one-tap: jwksUrl is not a URL: " + jwksUrl, e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // Claims are checked below against the instance clock, so tests and servers agree on "now".
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        this.audiences = List.copyOf(audiences);
        this.clock = clock;
    }

    /** The token's claims when it is a valid Google ID token for one of the audiences. */
    Optional<JWTClaimsSet> verify(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception invalid) {
            // Parse errors, bad signatures, unknown keys, an unreachable JWKS: all just "invalid".
            LOG.debug("Google ID token rejected: {}", invalid.getMessage());
            return Optional.empty();
        }
        return acceptable(claims) ? Optional.of(claims) : Optional.empty();
    }

    private boolean acceptable(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (claims.getIssuer() == null || !ISSUERS.contains(claims.getIssuer()) || claims.getSubject() == null
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
        Duration age = Duration.between(iat.toInstant(), now);
        return age.compareTo(MAX_AGE.plus(TOLERANCE)) <= 0 && age.compareTo(TOLERANCE.negated()) >= 0;
    }
}
