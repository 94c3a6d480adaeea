package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class Hs256JwtTest {
    private static final Secret SECRET = Secret.of("better-auth-secret-12345678901234567890");
    private static final Instant NOW = Instant.parse("2026-11-26T18:00:00.900Z");

    private static Hs256Jwt jwt(Instant now) {
        return new Hs256Jwt(SECRET, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ObjectNode emailClaims() {
        ObjectNode claims = Json.object();
        claims.put("email", "a@example.com");
        claims.putNull("updateTo");
        return claims;
    }

    @Test
    void headerIsExactlyAlgHs256AndClaimsAreFollowedByIatAndExp() {
        String token = jwt(NOW).sign(emailClaims(), Duration.ofHours(1));
        String[] parts = token.split("\\.");
        assertThat(parts[0]).isEqualTo("eyJhbGciOiJIUzI1NiJ9");
        long iat = NOW.getEpochSecond();
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .isEqualTo("{\"email\":\"a@example.com\",\"updateTo\":null,\"iat\":" + iat + ",\"exp\":" + (iat + 3600) + "}");
    }

    @Test
    void verifyReturnsTheClaimsUntilExpIsReached() {
        String token = jwt(NOW).sign(emailClaims(), Duration.ofHours(1));
        JsonNode claims = jwt(NOW.plusSeconds(3598)).verify(token).orElseThrow();
        assertThat(claims.get("email").stringValue()).isEqualTo("a@example.com");
        assertThat(jwt(NOW.plusSeconds(3600)).verify(token)).isEmpty();
    }

    @Test
    void tokenFromAnotherSecretOrTamperedDoesNotVerify() {
        String token = jwt(NOW).sign(emailClaims(), Duration.ofHours(1));
        assertThat(new Hs256Jwt(Secret.of("other"), Clock.fixed(NOW, ZoneOffset.UTC)).verify(token)).isEmpty();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"email\":\"evil@example.com\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(jwt(NOW).verify(forged)).isEmpty();
        assertThat(jwt(NOW).verify("garbage")).isEmpty();
    }

    @Test
    void onlyHs256IsAccepted() {
        String token = jwt(NOW).sign(emailClaims(), Duration.ofHours(1));
        String payload = token.split("\\.")[1];
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(jwt(NOW).verify(none + "." + payload + ".")).isEmpty();
    }

    @Test
    void secretsShorterThan256BitsWorkAsInBetterAuth() {
        Hs256Jwt shortKey = new Hs256Jwt(Secret.of("short"), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(shortKey.verify(shortKey.sign(emailClaims(), Duration.ofMinutes(1)))).isPresent();
    }

    @Test
    void notBeforeInTheFutureDoesNotVerify() {
        ObjectNode claims = emailClaims();
        claims.put("nbf", NOW.getEpochSecond() + 60);
        assertThat(jwt(NOW).verify(jwt(NOW).sign(claims, Duration.ofHours(1)))).isEmpty();
        assertThat(jwt(NOW.plusSeconds(60)).verify(jwt(NOW).sign(claims, Duration.ofHours(1)))).isPresent();
    }
}
