package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class CookieCacheCodecTest {
    private static final Secret SECRET = Secret.of("better-auth-secret-12345678901234567890");
    private static final Instant NOW = Instant.parse("2026-11-26T18:00:00.123Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static CookieCacheCodec codec(CookieCacheStrategy strategy, Instant now) {
        return CookieCacheCodec.of(strategy, SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void encodedSessionDataDecodesToTheSameDataUntilItExpires(CookieCacheStrategy strategy) {
        ObjectNode data = SessionDataFixture.sessionData(NOW, "Zoë 😀 \u0001 </script>");
        String value = codec(strategy, NOW).encode(data, FIVE_MINUTES);

        CachedSession cached = codec(strategy, NOW.plusSeconds(60)).decode(value).orElseThrow();
        assertThat(cached.sessionData()).isEqualTo(data);
        assertThat(cached.expiresAt()).isBetween(NOW.plusSeconds(299), NOW.plus(FIVE_MINUTES));
        assertThat(codec(strategy, NOW.plusSeconds(301)).decode(value)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void valueMadeWithAnotherSecretDoesNotDecode(CookieCacheStrategy strategy) {
        String value = CookieCacheCodec.of(strategy, Secret.of("another secret entirely"), Clock.fixed(NOW, ZoneOffset.UTC))
                .encode(SessionDataFixture.sessionData(NOW, "n"), FIVE_MINUTES);
        assertThat(codec(strategy, NOW).decode(value)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void valueWhoseEmbeddedSessionHasExpiredDoesNotDecode(CookieCacheStrategy strategy) {
        ObjectNode data = SessionDataFixture.sessionData(NOW, "n");
        ((ObjectNode) data.get("session")).put("expiresAt", "2026-11-26T18:00:30.000Z");
        String value = codec(strategy, NOW).encode(data, FIVE_MINUTES);
        assertThat(codec(strategy, NOW.plusSeconds(10)).decode(value)).isPresent();
        assertThat(codec(strategy, NOW.plusSeconds(31)).decode(value)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void payloadNotShapedLikeBetterAuthsSchemaDoesNotDecode(CookieCacheStrategy strategy) {
        ObjectNode noToken = SessionDataFixture.sessionData(NOW, "n");
        ((ObjectNode) noToken.get("session")).remove("token");
        ObjectNode textUpdatedAt = SessionDataFixture.sessionData(NOW, "n");
        textUpdatedAt.put("updatedAt", "yesterday");
        ObjectNode noUser = SessionDataFixture.sessionData(NOW, "n");
        noUser.remove("user");
        for (ObjectNode bad : new ObjectNode[] {noToken, textUpdatedAt, noUser}) {
            assertThat(codec(strategy, NOW).decode(codec(strategy, NOW).encode(bad, FIVE_MINUTES))).isEmpty();
        }
    }

    @Test
    void compactSignsJsonStringifyOfSessionDataFollowedByExpiresAt() {
        ObjectNode data = SessionDataFixture.sessionData(NOW, "n");
        String value = codec(CookieCacheStrategy.COMPACT, NOW).encode(data, FIVE_MINUTES);
        JsonNode envelope = Json.parse(Base64.getUrlDecoder().decode(value));
        long expiresAt = NOW.toEpochMilli() + 300_000;

        assertThat(value).doesNotContain("=");
        assertThat(envelope.propertyNames()).containsExactly("session", "expiresAt", "signature");
        assertThat(envelope.get("expiresAt").longValue()).isEqualTo(expiresAt);
        String signed = JsJson.stringify(data);
        signed = signed.substring(0, signed.length() - 1) + ",\"expiresAt\":" + expiresAt + "}";
        assertThat(envelope.get("signature").stringValue()).isEqualTo(Hmac.sign(SECRET, signed));
    }

    @Test
    void compactWithAlteredDataOrSignatureDoesNotDecode() {
        String value = codec(CookieCacheStrategy.COMPACT, NOW).encode(SessionDataFixture.sessionData(NOW, "n"), FIVE_MINUTES);
        String json = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
        String renamed = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.replace("\"name\":\"n\"", "\"name\":\"m\"").getBytes(StandardCharsets.UTF_8));
        assertThat(codec(CookieCacheStrategy.COMPACT, NOW).decode(renamed)).isEmpty();
        assertThat(codec(CookieCacheStrategy.COMPACT, NOW).decode(value.substring(1))).isEmpty();
        assertThat(codec(CookieCacheStrategy.COMPACT, NOW).decode("not a cookie")).isEmpty();
    }

    @Test
    void datesAreWrittenAsJavaScriptWouldReviveAndReprintThem() {
        ObjectNode data = SessionDataFixture.sessionData(NOW, "n");
        ((ObjectNode) data.get("user")).put("createdAt", "2024-01-01T00:00:00Z");
        CachedSession cached = codec(CookieCacheStrategy.COMPACT, NOW)
                .decode(codec(CookieCacheStrategy.COMPACT, NOW).encode(data, FIVE_MINUTES)).orElseThrow();
        assertThat(cached.sessionData().get("user").get("createdAt").stringValue()).isEqualTo("2024-01-01T00:00:00.000Z");
    }

    @Test
    void jweStillDecodesWithinFifteenSecondsOfClockToleranceButNotAfterTheCacheExpired() {
        ObjectNode data = SessionDataFixture.sessionData(NOW, "n");
        String value = codec(CookieCacheStrategy.JWE, NOW).encode(data, FIVE_MINUTES);
        SymmetricJwe jwe = new SymmetricJwe(SECRET, SymmetricJwe.SESSION_SALT, Clock.fixed(NOW.plusSeconds(310), ZoneOffset.UTC));
        assertThat(jwe.decode(value)).isPresent();
        assertThat(codec(CookieCacheStrategy.JWE, NOW.plusSeconds(310)).decode(value)).isEmpty();
    }

    @Test
    void lifetimeWithoutRememberMeIsSixtySecondsForCompactAndFiveMinutesForTokens() {
        assertThat(codec(CookieCacheStrategy.COMPACT, NOW).lifetimeWhenNotRemembered()).hasSeconds(60);
        assertThat(codec(CookieCacheStrategy.JWT, NOW).lifetimeWhenNotRemembered()).hasSeconds(300);
        assertThat(codec(CookieCacheStrategy.JWE, NOW).lifetimeWhenNotRemembered()).hasSeconds(300);
    }

    @Test
    void strategyNamesAreBetterAuthsIncludingTheLegacyBase64Hmac() {
        assertThat(CookieCacheStrategy.fromWireName("compact")).contains(CookieCacheStrategy.COMPACT);
        assertThat(CookieCacheStrategy.fromWireName("base64-hmac")).contains(CookieCacheStrategy.COMPACT);
        assertThat(CookieCacheStrategy.fromWireName("jwe")).contains(CookieCacheStrategy.JWE);
        assertThat(CookieCacheStrategy.fromWireName("rot13")).isEmpty();
    }
}
