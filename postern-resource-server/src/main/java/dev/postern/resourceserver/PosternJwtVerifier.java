package dev.postern.resourceserver;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies the JWTs of a Postern server's {@code jwt} plugin in another service, against the server's
 * key set ({@code GET <base>/api/auth/jwks}), without calling Postern per request.
 *
 * <p>The key set is fetched through Nimbus's {@link JWKSourceBuilder}: cached ({@code cacheTtl}, 5 minutes
 * by default), fetched again at once when a token names a {@code kid} the cache does not have (that is how
 * a rotated key is picked up), and never more often than {@code minRefreshInterval} (30 s by default) so
 * tokens with made-up key ids cannot turn this service into a load generator against Postern. Old keys
 * stay in Postern's key set for its grace period, so tokens signed before a rotation keep verifying.
 *
 * <p>A token is accepted when its header names an accepted algorithm (EdDSA, ES256, ES512, RS256, PS256,
 * the plugin's) and a published key, the signature verifies, {@code iss} equals the expected issuer, its
 * {@code aud} contains the expected audience, it has {@code sub} and {@code exp}, and it is within its
 * validity ({@code exp}, {@code nbf}) with {@code clockSkew} of tolerance (60 s by default).
 *
 * <pre>{@code
 * PosternJwtVerifier verifier = PosternJwtVerifier.builder(URI.create("https://auth.example.com/api/auth/jwks"))
 *         .issuer("https://auth.example.com").audience("https://auth.example.com").build();
 * JWTClaimsSet claims = verifier.verify(token);      // InvalidTokenException otherwise
 * }</pre>
 * Thread-safe; build one per service and share it.
 */
public final class PosternJwtVerifier {
    /** The algorithms Postern's jwt plugin signs with. */
    public static final Set<JWSAlgorithm> POSTERN_ALGORITHMS = Set.of(
            JWSAlgorithm.EdDSA, JWSAlgorithm.ES256, JWSAlgorithm.ES512, JWSAlgorithm.RS256, JWSAlgorithm.PS256);

    private final JWKSource<SecurityContext> keys;
    private final Set<JWSAlgorithm> algorithms;
    private final DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;

    private PosternJwtVerifier(Builder b) {
        this.algorithms = Set.copyOf(b.algorithms);
        URL url;
        try {
            url = b.jwksUrl.toURL();
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("jwksUrl is not a URL: " + b.jwksUrl, e);
        }
        int timeout = Math.toIntExact(b.httpTimeout.toMillis());
        this.keys = JWKSourceBuilder.<SecurityContext>create(url, new DefaultResourceRetriever(timeout, timeout, 512 * 1024))
                .cache(b.cacheTtl.toMillis(), timeout)
                .rateLimited(b.minRefreshInterval.toMillis())
                .refreshAheadCache(false)
                .retrying(true)
                .build();
        this.claimsVerifier = new DefaultJWTClaimsVerifier<>(Set.of(b.audience),
                new JWTClaimsSet.Builder().issuer(b.issuer).build(), Set.of("sub", "exp", "aud", "iss"), null);
        this.claimsVerifier.setMaxClockSkew(Math.toIntExact(b.clockSkew.toSeconds()));
    }

    /** A builder for the key set at {@code jwksUrl} ({@code https://auth.example.com/api/auth/jwks}). */
    public static Builder builder(URI jwksUrl) {
        return new Builder(jwksUrl);
    }

    /** The claims of {@code token} when it is valid (see the class comment). */
    public JWTClaimsSet verify(String token) throws InvalidTokenException {
        Objects.requireNonNull(token, "token");
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("not a signed JWT", e);
        }
        JWSHeader header = jwt.getHeader();
        if (!algorithms.contains(header.getAlgorithm())) {
            throw new InvalidTokenException("algorithm " + header.getAlgorithm() + " is not accepted");
        }
        if (header.getKeyID() == null) {
            throw new InvalidTokenException("no kid in the header");
        }
        List<JWK> candidates;
        try {
            // A kid the cached set lacks makes the source fetch the set again (rate-limited).
            candidates = keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
        } catch (KeySourceException e) {
            throw new InvalidTokenException("the key set could not be fetched: " + e.getMessage(), e);
        }
        if (candidates.isEmpty()) {
            throw new InvalidTokenException("no published key " + header.getKeyID() + " for " + header.getAlgorithm());
        }
        try {
            if (!jwt.verify(verifier(candidates.get(0)))) {
                throw new InvalidTokenException("bad signature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            claimsVerifier.verify(claims, null);
            return claims;
        } catch (JOSEException | ParseException e) {
            throw new InvalidTokenException("token cannot be verified: " + e.getMessage(), e);
        } catch (BadJOSEException e) {
            throw new InvalidTokenException(e.getMessage(), e);
        }
    }

    private static JWSVerifier verifier(JWK key) throws JOSEException {
        if (key instanceof OctetKeyPair okp) {
            return new Ed25519Verifier(okp.toPublicJWK());
        }
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec.toPublicJWK());
        }
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa.toPublicJWK());
        }
        throw new JOSEException("unsupported key type " + key.getKeyType());
    }

    /** Settings of a {@link PosternJwtVerifier}; issuer and audience are required. */
    public static final class Builder {
        private final URI jwksUrl;
        private String issuer;
        private String audience;
        private Set<JWSAlgorithm> algorithms = POSTERN_ALGORITHMS;
        private Duration cacheTtl = Duration.ofMinutes(5);
        private Duration minRefreshInterval = Duration.ofSeconds(30);
        private Duration httpTimeout = Duration.ofSeconds(5);
        private Duration clockSkew = Duration.ofSeconds(60);

        private Builder(URI jwksUrl) {
            this.jwksUrl = Objects.requireNonNull(jwksUrl, "jwksUrl");
        }

        /** The {@code iss} tokens must carry: Postern's {@code jwt.issuer}, by default its base URL's origin. */
        public Builder issuer(String value) {
            this.issuer = Objects.requireNonNull(value, "issuer");
            return this;
        }

        /** The audience tokens must name: Postern's {@code jwt.audience}, by default its base URL's origin. */
        public Builder audience(String value) {
            this.audience = Objects.requireNonNull(value, "audience");
            return this;
        }

        /** Accepted algorithms; all of Postern's by default. */
        public Builder algorithms(Set<JWSAlgorithm> value) {
            this.algorithms = Set.copyOf(value);
            return this;
        }

        public Builder cacheTtl(Duration value) {
            this.cacheTtl = Objects.requireNonNull(value, "cacheTtl");
            return this;
        }

        /** The shortest time between two fetches of the key set, unknown kids included. */
        public Builder minRefreshInterval(Duration value) {
            this.minRefreshInterval = Objects.requireNonNull(value, "minRefreshInterval");
            return this;
        }

        public Builder httpTimeout(Duration value) {
            this.httpTimeout = Objects.requireNonNull(value, "httpTimeout");
            return this;
        }

        public Builder clockSkew(Duration value) {
            this.clockSkew = Objects.requireNonNull(value, "clockSkew");
            return this;
        }

        public PosternJwtVerifier build() {
            if (issuer == null || audience == null) {
                throw new IllegalStateException("issuer and audience are required (Postern's default for both is "
                        + "the origin of its base URL)");
            }
            if (!minRefreshInterval.minus(cacheTtl).isNegative()) {
                throw new IllegalStateException("minRefreshInterval must be shorter than cacheTtl");
            }
            return new PosternJwtVerifier(this);
        }
    }
}
