package dev.postern.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The server-only signJWT and verifyJWT of better-auth's jwt plugin, through {@code postern.api()}. */
class JwtApiTest {

    @SqliteAndPostgres
    void verifyJwtReturnsThePayloadOfValidTokensAndNullOtherwise(TestDatabase database) {
        MutableClock clock = JwtInstances.clockAtNow();
        TestDatabase.Instance db = database.create();
        try (TestPostern auth = JwtInstances.start(db, JwtOptions.defaults(), clock)) {
            TestClient browser = JwtInstances.signedIn(auth, "ada@example.com");
            String token = browser.get("/token").json().get("token").asString();
            PosternApi api = auth.postern().api();

            JsonNode payload = verify(api, token, null);
            assertThat(payload.get("email").asString()).isEqualTo("ada@example.com");
            assertThat(payload.get("sub").asString()).isEqualTo(payload.get("id").asString());

            String[] parts = token.split("\\.");
            String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
            assertThat(verify(api, tampered, null).isNull()).as("tampered").isTrue();
            assertThat(verify(api, "not.a.jwt", null).isNull()).isTrue();
            assertThat(verify(api, token, "https://someone-else.example").isNull()).as("other issuer").isTrue();
            assertThat(verify(api, token, auth.origin().toString()).isObject()).as("issuer given").isTrue();
            clock.advance(Duration.ofMinutes(15).plusSeconds(1));
            assertThat(verify(api, token, null).isNull()).as("expired").isTrue();
            assertThat(api.names()).contains("signJWT", "verifyJWT");
            assertThat(auth.client().postJson("/verify-jwt", Map.of("token", token)).status())
                    .as("server-only").isEqualTo(404);
        } finally {
            db.drop();
        }
    }

    @SqliteAndPostgres
    void signJwtSignsAnyPayloadWithDefaultsAndOverrides(TestDatabase database) throws Exception {
        try (TestPostern auth = JwtInstances.start(database, JwtOptions.defaults())) {
            PosternApi api = auth.postern().api();

            String plain = api.call("signJWT", ApiCall.body(Map.of("payload", Map.of("sub", "svc-1", "scope", "read"))))
                    .json().get("token").asString();
            Map<String, Object> claims = JwtInstances.verifiedWith(JwtInstances.jwks(auth, "/jwks"), plain)
                    .getPayload().toJSONObject();
            assertThat(claims).containsOnlyKeys("sub", "scope", "exp", "iss", "aud")
                    .containsEntry("iss", auth.origin().toString());
            long now = System.currentTimeMillis() / 1000;
            assertThat(((Number) claims.get("exp")).longValue()).isBetween(now + 900 - 5, now + 900 + 5);

            String overridden = api.call("signJWT", ApiCall.body(Map.of("payload", Map.of("sub", "svc-2"),
                    "overrideOptions", Map.of("jwt", Map.of("issuer", "https://issuer.example",
                            "audience", "https://aud.example", "expirationTime", "2h"))))).json().get("token").asString();
            Map<String, Object> other = JwtInstances.verifiedWith(JwtInstances.jwks(auth, "/jwks"), overridden)
                    .getPayload().toJSONObject();
            assertThat(other).containsEntry("iss", "https://issuer.example").containsEntry("aud", "https://aud.example");
            assertThat(((Number) other.get("exp")).longValue()).isBetween(now + 7200 - 5, now + 7200 + 5);
            assertThat(verify(api, overridden, null).isNull()).as("not this server's issuer").isTrue();
        }
    }

    private static JsonNode verify(PosternApi api, String token, String issuer) {
        Map<String, Object> body = issuer == null ? Map.of("token", token) : Map.of("token", token, "issuer", issuer);
        return api.call("verifyJWT", ApiCall.body(body)).json().get("payload");
    }
}
