package dev.postern.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** better-auth's jwt endpoints (wire reference §12 "jwt"): GET /token, GET /jwks, set-auth-jwt. */
class JwtEndpointsTest {

    @SqliteAndPostgres
    void tokenIsAnEdDsaJwtOfTheUserVerifiableWithTheServedKeySet(TestDatabase database) throws Exception {
        try (TestPostern auth = JwtInstances.start(database, JwtOptions.defaults())) {
            TestClient browser = JwtInstances.signedIn(auth, "ada@example.com");
            String userId = browser.get("/get-session").json().get("user").get("id").asString();

            String token = browser.get("/token").assertStatus(200).json().get("token").asString();

            JWKSet set = JwtInstances.jwks(auth, "/jwks");
            JWSObject jws = JwtInstances.verifiedWith(set, token);
            assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("EdDSA");
            Map<String, Object> claims = jws.getPayload().toJSONObject();
            assertThat(List.copyOf(claims.keySet())).startsWith("iat").endsWith("sub", "exp", "iss", "aud")
                    .contains("id", "name", "email", "emailVerified", "createdAt", "updatedAt");
            assertThat(claims).containsEntry("sub", userId).containsEntry("id", userId)
                    .containsEntry("email", "ada@example.com")
                    .containsEntry("iss", auth.origin().toString()).containsEntry("aud", auth.origin().toString());
            long iat = ((Number) claims.get("iat")).longValue();
            assertThat(((Number) claims.get("exp")).longValue()).isEqualTo(iat + 15 * 60);
            assertThat(claims.get("createdAt")).asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
    }

    @SqliteAndPostgres
    void keySetListsTheKeyWithAlgCrvAndKidAndNoPrivatePart(TestDatabase database) {
        try (TestPostern auth = JwtInstances.start(database, JwtOptions.defaults())) {
            JsonNode keys = auth.client().get("/jwks").assertStatus(200).json().get("keys");

            assertThat(keys).hasSize(1);
            JsonNode key = keys.get(0);
            assertThat(List.copyOf(key.propertyNames())).startsWith("alg", "crv").endsWith("kid")
                    .containsExactlyInAnyOrder("alg", "crv", "x", "kty", "kid");
            assertThat(key.get("alg").asString()).isEqualTo("EdDSA");
            assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
            assertThat(key.get("kty").asString()).isEqualTo("OKP");
            assertThat(auth.client().get("/jwks").json().get("keys").get(0).get("kid").asString())
                    .as("the key is made once").isEqualTo(key.get("kid").asString());
        }
    }

    @SqliteAndPostgres
    void getSessionSetsAuthJwtAndExposesIt(TestDatabase database) throws Exception {
        try (TestPostern auth = JwtInstances.start(database, JwtOptions.defaults())) {
            TestClient browser = JwtInstances.signedIn(auth, "ada@example.com");

            TestResponse session = browser.get("/get-session").assertStatus(200);

            String jwt = session.header("set-auth-jwt").orElseThrow();
            JWSObject jws = JwtInstances.verifiedWith(JwtInstances.jwks(auth, "/jwks"), jwt);
            assertThat(jws.getPayload().toJSONObject())
                    .containsEntry("sub", session.json().get("user").get("id").asString());
            assertThat(session.header("access-control-expose-headers")).contains("set-auth-jwt");
            assertThat(auth.client().get("/get-session").header("set-auth-jwt")).as("no session, no token").isEmpty();
        }
    }

    @SqliteAndPostgres
    void tokenWithoutSessionIsUnauthorized(TestDatabase database) {
        try (TestPostern auth = JwtInstances.start(database, JwtOptions.defaults())) {
            TestResponse response = auth.client().get("/token");
            assertThat(response.status()).isEqualTo(401);
        }
    }

    @ParameterizedTest
    @EnumSource(value = JwtAlgorithm.class)
    void everyAlgorithmSignsTokensTheKeySetVerifies(JwtAlgorithm alg) throws Exception {
        JwtOptions options = JwtOptions.builder().keyPairConfig(KeyPairConfig.of(alg)).build();
        try (TestPostern auth = JwtInstances.start(TestDatabase.SQLITE, options)) {
            TestClient browser = JwtInstances.signedIn(auth, "ada@example.com");
            String token = browser.get("/token").assertStatus(200).json().get("token").asString();

            JWKSet set = JwtInstances.jwks(auth, "/jwks");
            JWSObject jws = JwtInstances.verifiedWith(set, token);
            assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo(alg.jwaName());
            JWK key = set.getKeys().get(0);
            assertThat(key.getAlgorithm().getName()).isEqualTo(alg.jwaName());
            assertThat(key.isPrivate()).isFalse();
            assertThat(JwtInstances.plugin(auth).verifyJWT(token)).isPresent();
        }
    }

    @SqliteAndPostgres
    void optionsSetPathIssuerAudienceExpiryAndPayload(TestDatabase database) throws Exception {
        JwtOptions options = JwtOptions.builder().jwksPath("/.well-known/keys")
                .issuer("https://auth.example.com").audience("https://api.example.com").expirationTime("1h")
                .definePayload(session -> Map.of("uid", session.userId(), "role", "reader"))
                .getSubject(session -> "user:" + session.userId())
                .keyPairConfig(KeyPairConfig.rsa(JwtAlgorithm.RS256, 3072))
                .build();
        try (TestPostern auth = JwtInstances.start(database, options)) {
            TestClient browser = JwtInstances.signedIn(auth, "ada@example.com");
            String token = browser.get("/token").assertStatus(200).json().get("token").asString();

            assertThat(auth.client().get("/jwks").status()).isEqualTo(404);
            JWKSet set = JwtInstances.jwks(auth, "/.well-known/keys");
            assertThat(set.getKeys().get(0).toRSAKey().size()).isEqualTo(3072);
            Map<String, Object> claims = JwtInstances.verifiedWith(set, token).getPayload().toJSONObject();
            String userId = (String) claims.get("uid");
            assertThat(claims).containsOnlyKeys("iat", "uid", "role", "sub", "exp", "iss", "aud")
                    .containsEntry("sub", "user:" + userId).containsEntry("role", "reader")
                    .containsEntry("iss", "https://auth.example.com").containsEntry("aud", "https://api.example.com");
            assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                    .isEqualTo(3600);
        }
    }

    @SqliteAndPostgres
    void disableSettingJwtHeaderLeavesGetSessionAlone(TestDatabase database) {
        try (TestPostern auth = JwtInstances.start(database,
                JwtOptions.builder().disableSettingJwtHeader(true).build())) {
            TestClient browser = JwtInstances.signedIn(auth, "ada@example.com");
            assertThat(browser.get("/get-session").assertStatus(200).header("set-auth-jwt")).isEmpty();
            assertThat(browser.get("/token").assertStatus(200).json().get("token").asString()).contains(".");
        }
    }
}
