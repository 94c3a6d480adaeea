package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * E-mail verification JWTs ({@code signJWT}/{@code verifyJWT}) and the account-cookie JWE
 * ({@code symmetricEncodeJWT}/{@code symmetricDecodeJWT}) cross between Postern and better-auth.
 */
class TokenInteropTest {
    private static final String SECRET = "postern-interop-secret-0123456789abcdef";

    private static ObjectNode emailClaims() {
        ObjectNode claims = Json.object();
        claims.put("email", "zoë@example.com");
        claims.put("updateTo", "new😀@example.com");
        return claims;
    }

    @Test
    void emailVerificationJwtSignedByPosternVerifiesInBetterAuth() {
        String token = new Hs256Jwt(Secret.of(SECRET), Clock.systemUTC()).sign(emailClaims(), Duration.ofHours(1));
        BetterAuthNode node = BetterAuthNode.require();

        JsonNode payload = node.call("verifyJWT", Map.of("token", token, "secret", SECRET));
        JsonNode withOtherSecret = node.call("verifyJWT", Map.of("token", token, "secret", "another secret"));

        assertThat(payload.get("email").stringValue()).isEqualTo("zoë@example.com");
        assertThat(payload.get("updateTo").stringValue()).isEqualTo("new😀@example.com");
        assertThat(payload.get("exp").longValue() - payload.get("iat").longValue()).isEqualTo(3600);
        assertThat(withOtherSecret.isNull()).isTrue();
    }

    @Test
    void emailVerificationJwtSignedByBetterAuthVerifiesInPostern() {
        String token = BetterAuthNode.require().call("signJWT",
                Map.of("payload", emailClaims(), "secret", SECRET, "expiresIn", 3600)).stringValue();
        assertThat(token).startsWith("eyJhbGciOiJIUzI1NiJ9.");

        ObjectNode claims = new Hs256Jwt(Secret.of(SECRET), Clock.systemUTC()).verify(token).orElseThrow();

        assertThat(claims.get("email").stringValue()).isEqualTo("zoë@example.com");
        assertThat(new Hs256Jwt(Secret.of("another secret"), Clock.systemUTC()).verify(token)).isEmpty();
    }

    @Test
    void accountJweEncryptedByPosternDecryptsInBetterAuth() {
        SymmetricJwe jwe = new SymmetricJwe(Secret.of(SECRET), SymmetricJwe.ACCOUNT_SALT, Clock.systemUTC());
        String token = jwe.encode(emailClaims(), Duration.ofMinutes(5));

        JsonNode payload = BetterAuthNode.require().call("symmetricDecodeJWT",
                Map.of("token", token, "secret", SECRET, "salt", SymmetricJwe.ACCOUNT_SALT));

        assertThat(payload.get("updateTo").stringValue()).isEqualTo("new😀@example.com");
        assertThat(payload.get("jti").stringValue()).hasSize(36);
    }

    @Test
    void accountJweEncryptedByBetterAuthDecryptsInPostern() {
        String token = BetterAuthNode.require().call("symmetricEncodeJWT", Map.of("payload", emailClaims(),
                "secret", SECRET, "salt", SymmetricJwe.ACCOUNT_SALT, "expiresIn", 300)).stringValue();
        SymmetricJwe jwe = new SymmetricJwe(Secret.of(SECRET), SymmetricJwe.ACCOUNT_SALT, Clock.systemUTC());

        ObjectNode claims = jwe.decode(token).orElseThrow();

        assertThat(claims.get("email").stringValue()).isEqualTo("zoë@example.com");
        assertThat(Json.parse(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                java.nio.charset.StandardCharsets.UTF_8)).get("kid").stringValue()).isEqualTo(jwe.keyId());
    }
}
