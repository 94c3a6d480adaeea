package dev.postern.plugin.onetap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.postern.plugin.social.IdTokenVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies Google ID tokens as better-auth's {@code verifyGoogleIdToken} does: RS256 only, signed by a key
 * of Google's JWKS (fetched and cached by Nimbus), issuer {@code https://accounts.google.com} or
 * {@code accounts.google.com}, audience one of the client ids, {@code iss sub aud exp iat} present, not
 * expired, issued at most an hour ago, with 30 s of clock tolerance. Any failure, a JWKS that cannot be
 * fetched included, is simply "not valid". The checks are the social plugin's {@link IdTokenVerifier}'s;
 * this class only fixes Google's rules.
 */
final class GoogleIdTokens {
    private static final Set<String> ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");
    private static final Duration MAX_AGE = Duration.ofHours(1);

    private final IdTokenVerifier verifier;

    GoogleIdTokens(URI jwksUrl, List<String> audiences, Clock clock) {
        try {
            verifier = new IdTokenVerifier(jwksUrl, ISSUERS, audiences, Set.of(JWSAlgorithm.RS256), MAX_AGE, clock);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("one-tap: jwksUrl is not a URL: " + jwksUrl, e);
        }
    }

    /** The token's claims when it is a valid Google ID token for one of the audiences. */
    Optional<JWTClaimsSet> verify(String token) {
        return verifier.verify(token, null);
    }
}
