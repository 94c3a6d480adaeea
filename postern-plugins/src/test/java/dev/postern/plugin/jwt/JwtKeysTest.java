package dev.postern.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import dev.postern.PosternApi.ApiCall;
import dev.postern.crypto.SymmetricEncryption;
import dev.postern.json.Json;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.store.Query;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The jwks table: encryption at rest, caching, rotation and the grace period, several nodes. */
class JwtKeysTest {
    private static final String SECRET_V1 = "1:postern-jwt-test-secret-one-0123456789abcdef";
    private static final String SECRET_V2 = "2:postern-jwt-test-secret-two-0123456789abcdef";

    @SqliteAndPostgres
    void privateKeyIsStoredAsBetterAuthStoresIt(TestDatabase database) throws Exception {
        try (TestPostern auth = JwtInstances.start(database, JwtOptions.defaults())) {
            auth.client().get("/jwks").assertStatus(200);

            Row row = onlyKey(auth);
            assertThat(row.string("alg")).isEqualTo("EdDSA");
            assertThat(row.string("crv")).isEqualTo("Ed25519");
            assertThat(row.instant("createdAt")).isNotNull();
            assertThat(row.get("expiresAt")).isNull();
            // JSON.stringify(symmetricEncrypt(...)): a JSON string holding hex(nonce ‖ ciphertext ‖ tag).
            JsonNode stored = Json.parse(row.string("privateKey"));
            assertThat(stored.isString()).isTrue();
            assertThat(stored.asString()).matches("[0-9a-f]{100,}").doesNotContain("\"d\"");
            String decrypted = new SymmetricEncryption(auth.postern().config().secrets()).decrypt(stored.asString())
                    .orElseThrow();
            JWK privateKey = JWK.parse(decrypted);
            assertThat(privateKey.isPrivate()).isTrue();
            assertThat(privateKey.toPublicJWK().toJSONObject()).isEqualTo(JWK.parse(row.string("publicKey")).toJSONObject());
        }
    }

    @SqliteAndPostgres
    void disablePrivateKeyEncryptionStoresThePlainJwk(TestDatabase database) throws Exception {
        try (TestPostern auth = JwtInstances.start(database,
                JwtOptions.builder().disablePrivateKeyEncryption(true).build())) {
            TestClient browser = JwtInstances.signedIn(auth, "ada@example.com");
            String token = browser.get("/token").assertStatus(200).json().get("token").asString();

            assertThat(JWK.parse(onlyKey(auth).string("privateKey")).isPrivate()).isTrue();
            assertThat(JwtInstances.plugin(auth).verifyJWT(token)).isPresent();
        }
    }

    @SqliteAndPostgres
    void keysAreDecryptedOnceNotPerRequest(TestDatabase database) {
        try (TestPostern auth = JwtInstances.start(database, JwtOptions.defaults())) {
            TestClient browser = JwtInstances.signedIn(auth, "ada@example.com");
            browser.get("/token").assertStatus(200);

            // Were the key read and decrypted per request, a broken row would fail the next token.
            auth.postern().store().update("jwks", Where.eq("id", onlyKey(auth).id()),
                    Map.of("privateKey", Json.write("not a ciphertext")));

            assertThat(browser.get("/token").assertStatus(200).json().get("token").asString()).contains(".");
        }
    }

    @SqliteAndPostgres
    void rotationSignsWithTheNewKeyAndPublishesTheOldOneForTheGracePeriod(TestDatabase database) throws Exception {
        MutableClock clock = JwtInstances.clockAtNow();
        TestDatabase.Instance db = database.create();
        JwtOptions options = JwtOptions.builder().gracePeriod(Duration.ofHours(1)).build();
        try (TestPostern auth = JwtInstances.start(db, options, clock)) {
            TestClient browser = JwtInstances.signedIn(auth, "ada@example.com");
            String before = browser.get("/token").json().get("token").asString();
            String oldKid = kid(before);

            StoredKey rotated = JwtInstances.plugin(auth).rotateKeys();

            String after = browser.get("/token").json().get("token").asString();
            assertThat(kid(after)).isEqualTo(rotated.id()).isNotEqualTo(oldKid);
            assertThat(kids(auth)).containsExactlyInAnyOrder(oldKid, rotated.id());
            assertThat(JwtInstances.plugin(auth).verifyJWT(before)).as("old tokens still verify").isPresent();
            JwtInstances.verifiedWith(JwtInstances.jwks(auth, "/jwks"), before);
            JwtInstances.verifiedWith(JwtInstances.jwks(auth, "/jwks"), after);

            clock.advance(Duration.ofMinutes(61));
            assertThat(kids(auth)).as("after the grace period").containsExactly(rotated.id());
        } finally {
            db.drop();
        }
    }

    @SqliteAndPostgres
    void rotationIntervalMakesANewKeyOnceTheCurrentOneExpires(TestDatabase database) {
        MutableClock clock = JwtInstances.clockAtNow();
        TestDatabase.Instance db = database.create();
        JwtOptions options = JwtOptions.builder().rotationInterval(Duration.ofDays(1))
                .gracePeriod(Duration.ofDays(2)).build();
        try (TestPostern auth = JwtInstances.start(db, options, clock)) {
            TestClient browser = JwtInstances.signedIn(auth, "ada@example.com");
            String first = kid(browser.get("/token").json().get("token").asString());
            assertThat(onlyKey(auth).instant("expiresAt")).isEqualTo(onlyKey(auth).instant("createdAt").plus(Duration.ofDays(1)));

            clock.advance(Duration.ofDays(1).plusMinutes(1));
            // The session outlives the key: sign in again only if it did not (7 days by default).
            String second = kid(browser.get("/token").assertStatus(200).json().get("token").asString());

            assertThat(second).isNotEqualTo(first);
            assertThat(kids(auth)).containsExactlyInAnyOrder(first, second);
            clock.advance(Duration.ofDays(2));
            assertThat(kids(auth)).doesNotContain(first);
        } finally {
            db.drop();
        }
    }

    @SqliteAndPostgres
    void aNodeSignsWithAKeyRotatedElsewhereWithinTheCacheTtl(TestDatabase database) {
        MutableClock clock = JwtInstances.clockAtNow();
        TestDatabase.Instance db = database.create();
        // Nodes of one deployment share their issuer and audience (one public base URL).
        JwtOptions options = JwtOptions.builder().keyCacheTtl(Duration.ofSeconds(30))
                .issuer("https://auth.example.com").audience("https://auth.example.com").build();
        try (TestPostern nodeA = JwtInstances.start(db, options, clock);
             TestPostern nodeB = JwtInstances.start(db, options, clock)) {
            TestClient browser = JwtInstances.signedIn(nodeA, "ada@example.com");
            String before = kid(browser.get("/token").json().get("token").asString());

            StoredKey rotated = JwtInstances.plugin(nodeB).rotateKeys();
            String tokenFromB = nodeB.postern().api().call("signJWT",
                    ApiCall.body(Map.of("payload", Map.of("sub", "svc")))).json().get("token").asString();

            assertThat(JwtInstances.plugin(nodeA).verifyJWT(tokenFromB)).as("unknown kid: A re-reads at once")
                    .isPresent();
            clock.advance(Duration.ofSeconds(31));
            assertThat(kid(browser.get("/token").json().get("token").asString())).isEqualTo(rotated.id())
                    .isNotEqualTo(before);
        } finally {
            db.drop();
        }
    }

    @SqliteAndPostgres
    void withVersionedSecretsThePrivateKeyIsAnEnvelopeThatSurvivesSecretRotation(TestDatabase database) {
        TestDatabase.Instance db = database.create();
        String kid;
        try {
            try (TestPostern first = TestPostern.builder().database(db).secrets(SECRET_V2 + "," + SECRET_V1)
                    .plugins(new JwtPlugin()).start()) {
                first.client().get("/jwks").assertStatus(200);
                Row row = onlyKey(first);
                kid = row.id();
                assertThat(Json.parse(row.string("privateKey")).asString()).startsWith("$ba$2$");
            }
            try (TestPostern rotated = TestPostern.builder().database(db)
                    .secrets("3:postern-jwt-test-secret-three-0123456789abcdef," + SECRET_V2)
                    .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(), new JwtPlugin()).start()) {
                TestClient browser = JwtInstances.signedIn(rotated, "ada@example.com");
                String token = browser.get("/token").assertStatus(200).json().get("token").asString();
                assertThat(kid(token)).as("the key encrypted under secret 2 still signs").isEqualTo(kid);
            }
        } finally {
            db.drop();
        }
    }

    private static Row onlyKey(TestPostern auth) {
        List<Row> rows = auth.postern().store().findMany("jwks", Query.all());
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<String> kids(TestPostern auth) {
        JsonNode keys = auth.client().get("/jwks").assertStatus(200).json().get("keys");
        return keys.valueStream().map(k -> k.get("kid").asString()).toList();
    }

    private static String kid(String token) {
        try {
            return com.nimbusds.jose.JWSObject.parse(token).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
