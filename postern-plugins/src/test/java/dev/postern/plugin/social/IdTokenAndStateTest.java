package dev.postern.plugin.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.social.providers.GenericOAuthConfig;
import dev.postern.plugin.social.providers.GenericOAuthProvider;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * ID-token sign-in ({@code idToken} in the body of {@code /sign-in/social}) against a provider found by
 * discovery, whose JWKS a local server publishes and rolls over; {@code disableImplicitSignUp} with
 * {@code requestSignUp}; and the encrypted-cookie state strategy through a whole redirect flow.
 */
class IdTokenAndStateTest {
    static final String CLIENT_ID = "rp-client";

    static FakeProvider provider(AtomicReference<RSAKey> signing) {
        FakeProvider idp = new FakeProvider();
        String base = idp.base();
        idp.json("/.well-known/openid-configuration", "{\"issuer\":\"" + base + "\",\"authorization_endpoint\":\"" + base
                + "/authorize\",\"token_endpoint\":\"" + base + "/token\",\"userinfo_endpoint\":\"" + base + "/userinfo\","
                + "\"jwks_uri\":\"" + base + "/jwks\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        idp.on("/jwks", seen -> FakeProvider.Answer.json(new JWKSet(signing.get().toPublicJWK()).toString()));
        return idp;
    }

    static String idToken(RSAKey key, String issuer, String sub, String email) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).subject(sub).audience(CLIENT_ID).claim("email", email)
                        .claim("email_verified", true).claim("name", "Token User")
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static TestPostern start(TestDatabase database, FakeProvider idp, UnaryOperator<ProviderSettings> settings,
            UnaryOperator<SocialOptions> options) {
        GenericOAuthConfig config = GenericOAuthConfig.discovery("corp", idp.base() + "/.well-known/openid-configuration",
                CLIENT_ID, "rp-secret", List.of("email"));
        config = config.withSettings(settings.apply(config.settings()));
        SocialOptions social = options.apply(SocialOptions.of(List.of(new GenericOAuthProvider(config, Clock.systemUTC()))));
        return TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new UserPlugin(), new SocialPlugin(social)).start();
    }

    @SqliteAndPostgres
    void anIdTokenSignsInAndKeysRollOverWithoutARestart(TestDatabase database) throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey second = new RSAKeyGenerator(2048).keyID("k2").generate();
        AtomicReference<RSAKey> signing = new AtomicReference<>(first);
        try (FakeProvider idp = provider(signing); TestPostern auth = start(database, idp, s -> s, o -> o)) {
            TestClient browser = auth.client();
            TestResponse signedIn = browser.postJson("/sign-in/social", Map.of("provider", "corp",
                    "idToken", Map.of("token", idToken(first, idp.base(), "u-1", "tok@example.com"))));
            signing.set(second);
            TestResponse afterRollover = auth.client().postJson("/sign-in/social", Map.of("provider", "corp",
                    "idToken", Map.of("token", idToken(second, idp.base(), "u-1", "tok@example.com"))));
            TestResponse forged = auth.client().postJson("/sign-in/social", Map.of("provider", "corp",
                    "idToken", Map.of("token", idToken(new RSAKeyGenerator(2048).keyID("k2").generate(), idp.base(), "u-1", "tok@example.com"))));
            TestResponse wrongIssuer = auth.client().postJson("/sign-in/social", Map.of("provider", "corp",
                    "idToken", Map.of("token", idToken(second, "https://other.example", "u-1", "tok@example.com"))));

            signedIn.assertStatus(200);
            assertThat(signedIn.json().get("redirect").asBoolean()).isFalse();
            assertThat(signedIn.json().get("token").asString()).isNotBlank();
            assertThat(signedIn.json().get("user").get("email").asString()).isEqualTo("tok@example.com");
            assertThat(browser.cookie("better-auth.session_token")).startsWith(signedIn.json().get("token").asString() + ".");
            afterRollover.assertStatus(200);
            assertThat(afterRollover.json().get("user").get("id").asString())
                    .isEqualTo(signedIn.json().get("user").get("id").asString());
            forged.assertError(401, "INVALID_TOKEN");
            wrongIssuer.assertError(401, "INVALID_TOKEN");
        }
    }

    @SqliteAndPostgres
    void aProviderWhoseDiscoveryFailsIsNotFoundUntilItAnswers(TestDatabase database) throws Exception {
        AtomicReference<RSAKey> signing = new AtomicReference<>(new RSAKeyGenerator(2048).keyID("k1").generate());
        try (FakeProvider idp = provider(signing)) {
            java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
            String base = idp.base();
            idp.on("/.well-known/openid-configuration", seen -> down.get() ? new FakeProvider.Answer(503, "text/plain", new byte[0])
                    : FakeProvider.Answer.json("{\"issuer\":\"" + base + "\",\"authorization_endpoint\":\"" + base
                    + "/authorize\",\"token_endpoint\":\"" + base + "/token\",\"jwks_uri\":\"" + base + "/jwks\"}"));
            try (TestPostern auth = start(database, idp, s -> s, o -> o)) {
                TestResponse whileDown = auth.client().postJson("/sign-in/social", Map.of("provider", "corp", "callbackURL", "/"));
                down.set(false);
                TestResponse afterwards = auth.client().postJson("/sign-in/social", Map.of("provider", "corp", "callbackURL", "/"));

                whileDown.assertError(404, "PROVIDER_NOT_FOUND");
                afterwards.assertStatus(200);
                assertThat(afterwards.json().get("url").asString()).startsWith(base + "/authorize?");
            }
        }
    }

    @SqliteAndPostgres
    void disableImplicitSignUpNeedsRequestSignUp(TestDatabase database) throws Exception {
        AtomicReference<RSAKey> signing = new AtomicReference<>(new RSAKeyGenerator(2048).keyID("k1").generate());
        try (FakeProvider idp = provider(signing);
             TestPostern auth = start(database, idp, s -> s.withDisableImplicitSignUp(true), o -> o)) {
            String token = idToken(signing.get(), idp.base(), "new-1", "new@example.com");

            TestResponse refused = auth.client().postJson("/sign-in/social", Map.of("provider", "corp", "idToken", Map.of("token", token)));
            TestResponse requested = auth.client().postJson("/sign-in/social",
                    Map.of("provider", "corp", "idToken", Map.of("token", token), "requestSignUp", true));

            refused.assertError(401, "OAUTH_LINK_ERROR");
            assertThat(refused.json().get("message").asString()).isEqualTo("signup disabled");
            requested.assertStatus(200);
            assertThat(requested.json().get("user").get("email").asString()).isEqualTo("new@example.com");
        }
    }

    @SqliteAndPostgres
    void theCookieStateStrategyCarriesTheFlowInAnEncryptedCookie(TestDatabase database) throws Exception {
        AtomicReference<RSAKey> signing = new AtomicReference<>(new RSAKeyGenerator(2048).keyID("k1").generate());
        try (FakeProvider idp = provider(signing);
             TestPostern auth = start(database, idp, s -> s, o -> o.withStoreStateStrategy(SocialOptions.StateStrategy.COOKIE))) {
            AtomicReference<String> nonce = new AtomicReference<>();
            idp.on("/token", seen -> {
                try {
                    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                            new JWTClaimsSet.Builder().issuer(idp.base()).subject("c-1").audience(CLIENT_ID)
                                    .claim("email", "cookie@example.com").claim("email_verified", true).claim("nonce", nonce.get())
                                    .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
                    jwt.sign(new RSASSASigner(signing.get()));
                    return FakeProvider.Answer.json("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                            + "\"id_token\":\"" + jwt.serialize() + "\"}");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            TestClient browser = auth.client();
            URI url = URI.create(browser.postJson("/sign-in/social", Map.of("provider", "corp", "callbackURL", "/in"))
                    .json().get("url").asString());
            Map<String, String> params = SocialFlowTest.query(url);
            nonce.set(params.get("nonce"));
            String sealed = browser.cookie("better-auth.oauth_state");

            TestResponse done = browser.get("/callback/corp?code=c&state=" + params.get("state") + "&iss=" + idp.base());

            assertThat(sealed).isNotBlank().doesNotContain(params.get("state"));
            assertThat(browser.cookie("better-auth.state")).isNull();
            assertThat(auth.postern().verifications().find(OAuthState.IDENTIFIER_PREFIX + params.get("state"))).isEmpty();
            done.assertStatus(302);
            assertThat(done.header("location")).contains("/in");
            assertThat(browser.cookie("better-auth.oauth_state")).isNull();
            assertThat(browser.get("/get-session").json().get("user").get("email").asString()).isEqualTo("cookie@example.com");
        }
    }
}
