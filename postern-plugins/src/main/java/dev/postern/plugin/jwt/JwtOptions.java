package dev.postern.plugin.jwt;

import dev.postern.session.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Options of the {@code jwt} plugin, with better-auth's names ({@code jwt({ jwks: {...}, jwt: {...} })}).
 * Build with {@link #builder()}; every option has better-auth's default.
 *
 * @param issuer {@code jwt.issuer}; the base URL's origin when empty
 * @param audience {@code jwt.audience}; the base URL's origin when empty (one value is written as a string)
 * @param expirationTime {@code jwt.expirationTime}, a better-auth time string ({@code "15m"})
 * @param definePayload {@code jwt.definePayload}: the claims of a session's token instead of its user
 * @param getSubject {@code jwt.getSubject}: the {@code sub} claim instead of the user id
 * @param jwksPath {@code jwks.jwksPath}, where the key set is served ({@code /jwks})
 * @param keyPairConfig {@code jwks.keyPairConfig}: algorithm of new keys (EdDSA/Ed25519 by default)
 * @param disablePrivateKeyEncryption {@code jwks.disablePrivateKeyEncryption}: store private keys in clear
 * @param rotationInterval {@code jwks.rotationInterval}: a new key's lifetime; keys never expire when empty
 * @param gracePeriod {@code jwks.gracePeriod}: how long an expired key stays in the key set (30 days)
 * @param keyCacheTtl Postern's own: how long a node signs from its cached keys before reading the
 *     {@code jwks} table again, so a key rotated on another node (or by {@code postern keys rotate}) is
 *     picked up within this time (30 s)
 * @param disableSettingJwtHeader {@code disableSettingJwtHeader}: no {@code set-auth-jwt} on get-session
 */
public record JwtOptions(Optional<String> issuer, List<String> audience, String expirationTime,
                         Optional<Function<Session, Map<String, Object>>> definePayload,
                         Optional<Function<Session, String>> getSubject, String jwksPath,
                         KeyPairConfig keyPairConfig, boolean disablePrivateKeyEncryption,
                         Optional<Duration> rotationInterval, Duration gracePeriod, Duration keyCacheTtl,
                         boolean disableSettingJwtHeader) {
    public static final String DEFAULT_JWKS_PATH = "/jwks";
    public static final String DEFAULT_EXPIRATION_TIME = "15m";
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofDays(30);
    public static final Duration DEFAULT_KEY_CACHE_TTL = Duration.ofSeconds(30);

    public JwtOptions {
        Objects.requireNonNull(issuer, "issuer");
        audience = List.copyOf(audience);
        Objects.requireNonNull(expirationTime, "expirationTime");
        TimeSpans.seconds(expirationTime);
        Objects.requireNonNull(definePayload, "definePayload");
        Objects.requireNonNull(getSubject, "getSubject");
        Objects.requireNonNull(keyPairConfig, "keyPairConfig");
        Objects.requireNonNull(rotationInterval, "rotationInterval");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        Objects.requireNonNull(keyCacheTtl, "keyCacheTtl");
        if (jwksPath == null || jwksPath.isEmpty() || !jwksPath.startsWith("/") || jwksPath.contains("..")) {
            throw new IllegalArgumentException(
                    "options.jwks.jwksPath must be a non-empty string starting with '/' and not contain '..'");
        }
        if (rotationInterval.isPresent() && !rotationInterval.get().isPositive()) {
            throw new IllegalArgumentException("jwks.rotationInterval must be positive");
        }
        if (gracePeriod.isNegative() || keyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("jwks.gracePeriod and jwks.keyCacheTtl must not be negative");
        }
    }

    public static JwtOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same options with {@code jwt.*} replaced, as {@code signJWT}'s {@code overrideOptions.jwt} does. */
    JwtOptions withJwt(Optional<String> newIssuer, List<String> newAudience, String newExpirationTime) {
        return new JwtOptions(newIssuer, newAudience, newExpirationTime, Optional.empty(), Optional.empty(), jwksPath,
                keyPairConfig, disablePrivateKeyEncryption, rotationInterval, gracePeriod, keyCacheTtl,
                disableSettingJwtHeader);
    }

    /** Builds {@link JwtOptions}; unset options keep better-auth's defaults. */
    public static final class Builder {
        private Optional<String> issuer = Optional.empty();
        private List<String> audience = List.of();
        private String expirationTime = DEFAULT_EXPIRATION_TIME;
        private Function<Session, Map<String, Object>> definePayload;
        private Function<Session, String> getSubject;
        private String jwksPath = DEFAULT_JWKS_PATH;
        private KeyPairConfig keyPairConfig = KeyPairConfig.defaults();
        private boolean disablePrivateKeyEncryption;
        private Duration rotationInterval;
        private Duration gracePeriod = DEFAULT_GRACE_PERIOD;
        private Duration keyCacheTtl = DEFAULT_KEY_CACHE_TTL;
        private boolean disableSettingJwtHeader;

        public Builder issuer(String value) {
            this.issuer = Optional.of(value);
            return this;
        }

        public Builder audience(String... values) {
            this.audience = List.of(values);
            return this;
        }

        public Builder expirationTime(String value) {
            this.expirationTime = value;
            return this;
        }

        public Builder definePayload(Function<Session, Map<String, Object>> value) {
            this.definePayload = value;
            return this;
        }

        public Builder getSubject(Function<Session, String> value) {
            this.getSubject = value;
            return this;
        }

        public Builder jwksPath(String value) {
            this.jwksPath = value;
            return this;
        }

        public Builder keyPairConfig(KeyPairConfig value) {
            this.keyPairConfig = value;
            return this;
        }

        public Builder disablePrivateKeyEncryption(boolean value) {
            this.disablePrivateKeyEncryption = value;
            return this;
        }

        public Builder rotationInterval(Duration value) {
            this.rotationInterval = value;
            return this;
        }

        public Builder gracePeriod(Duration value) {
            this.gracePeriod = value;
            return this;
        }

        public Builder keyCacheTtl(Duration value) {
            this.keyCacheTtl = value;
            return this;
        }

        public Builder disableSettingJwtHeader(boolean value) {
            this.disableSettingJwtHeader = value;
            return this;
        }

        public JwtOptions build() {
            return new JwtOptions(issuer, audience, expirationTime, Optional.ofNullable(definePayload),
                    Optional.ofNullable(getSubject), jwksPath, keyPairConfig, disablePrivateKeyEncryption,
                    Optional.ofNullable(rotationInterval), gracePeriod, keyCacheTtl, disableSettingJwtHeader);
        }
    }
}
