package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Postern goes further than better-auth: every signature and token is made with the current secret and
 * accepted from any secret of the ring, so rotating the secret logs nobody out. Removing a secret from
 * the ring is what finally retires what it signed.
 */
class SecretRotationTest {
    private static final Instant NOW = Instant.parse("2026-11-26T18:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String A = "secret-a-0123456789abcdefghijklmnopqrstuv";
    private static final String B = "secret-b-0123456789abcdefghijklmnopqrstuv";

    private static final SecretRing ONLY_A = SecretRing.of(Secret.of(A));
    private static final SecretRing B_THEN_A = versioned("2:" + B + ",1:" + A);
    private static final SecretRing ONLY_B = versioned("2:" + B);

    private static SecretRing versioned(String spec) {
        return SecretRing.versioned(SecretRing.parse(spec), Optional.empty());
    }

    @Test
    void signedCookieOfTheOldSecretVerifiesAfterRotation() {
        String cookie = new CookieSigner(ONLY_A).sign("session-token");

        assertThat(new CookieSigner(B_THEN_A).verify(cookie)).contains("session-token");
        assertThat(new CookieSigner(ONLY_B).verify(cookie)).isEmpty();
    }

    @Test
    void signedCookieIsSignedWithTheCurrentSecretOnly() {
        String cookie = new CookieSigner(B_THEN_A).sign("session-token");

        assertThat(cookie).isEqualTo(new CookieSigner(Secret.of(B)).sign("session-token"));
        assertThat(new CookieSigner(ONLY_A).verify(cookie)).isEmpty();
        assertThat(new CookieSigner(ONLY_B).verify(cookie)).contains("session-token");
    }

    @Test
    void hs256JwtOfTheOldSecretVerifiesAfterRotationAndNewOnesUseTheNewSecret() {
        ObjectNode claims = dev.postern.json.Json.object().put("email", "a@example.com");
        String old = new Hs256Jwt(ONLY_A, CLOCK).sign(claims, Duration.ofHours(1));
        String fresh = new Hs256Jwt(B_THEN_A, CLOCK).sign(claims, Duration.ofHours(1));

        assertThat(new Hs256Jwt(B_THEN_A, CLOCK).verify(old)).isPresent();
        assertThat(new Hs256Jwt(ONLY_B, CLOCK).verify(old)).isEmpty();
        assertThat(new Hs256Jwt(Secret.of(B), CLOCK).verify(fresh)).isPresent();
        assertThat(new Hs256Jwt(ONLY_A, CLOCK).verify(fresh)).isEmpty();
    }

    @Test
    void jweOfTheOldSecretDecryptsWithTheKeyItsKidNames() {
        SymmetricJwe oldJwe = new SymmetricJwe(ONLY_A, SymmetricJwe.SESSION_SALT, CLOCK);
        SymmetricJwe rotated = new SymmetricJwe(B_THEN_A, SymmetricJwe.SESSION_SALT, CLOCK);
        String old = oldJwe.encode(dev.postern.json.Json.object().put("v", 1), Duration.ofMinutes(5));

        assertThat(rotated.decode(old)).isPresent();
        assertThat(new SymmetricJwe(ONLY_B, SymmetricJwe.SESSION_SALT, CLOCK).decode(old)).isEmpty();
        assertThat(rotated.keyId()).isEqualTo(new SymmetricJwe(Secret.of(B), SymmetricJwe.SESSION_SALT, CLOCK).keyId());
        assertThat(oldJwe.decode(rotated.encode(dev.postern.json.Json.object(), Duration.ofMinutes(5)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void cookieCacheOfTheOldSecretIsReadAfterRotationUntilTheSecretIsRemoved(CookieCacheStrategy strategy) {
        ObjectNode data = SessionDataFixture.sessionData(NOW, "Zoë");
        String old = CookieCacheCodec.of(strategy, ONLY_A, CLOCK).encode(data, Duration.ofMinutes(5));
        String fresh = CookieCacheCodec.of(strategy, B_THEN_A, CLOCK).encode(data, Duration.ofMinutes(5));

        assertThat(CookieCacheCodec.of(strategy, B_THEN_A, CLOCK).decode(old)).isPresent();
        assertThat(CookieCacheCodec.of(strategy, ONLY_B, CLOCK).decode(old)).isEmpty();
        assertThat(CookieCacheCodec.of(strategy, ONLY_B, CLOCK).decode(fresh)).isPresent();
        assertThat(CookieCacheCodec.of(strategy, ONLY_A, CLOCK).decode(fresh)).isEmpty();
    }
}
