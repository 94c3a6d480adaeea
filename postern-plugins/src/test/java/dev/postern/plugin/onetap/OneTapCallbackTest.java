package dev.postern.plugin.onetap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** {@code POST /one-tap/callback} against a local JWKS host and test-made keys (wire reference §12 one-tap). */
class OneTapCallbackTest {
    private static final String INVALID = "{\"message\":\"invalid id token\"}";

    @SqliteAndPostgres
    void aGoogleTokenSignsUpThenSignsInTheSameUser(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (FakeGoogle google = FakeGoogle.start();
             TestPostern auth = start(database, OneTapOptions.forClient(FakeGoogle.CLIENT_ID).withJwksUrl(google.jwksUrl()), clock)) {
            TestClient browser = auth.client();
            String first = google.token(FakeGoogle.claims("google-sub-1", "Ada@Example.com", clock.instant()).build());

            TestResponse signedUp = callback(browser, first);
            String second = google.token(FakeGoogle.claims("google-sub-1", "ada@example.com", clock.instant())
                    .claim("nonce", "other").build());
            TestResponse signedIn = callback(auth.client(), second);

            signedUp.assertStatus(200);
            assertThat(signedUp.json().get("token").asString()).hasSize(32);
            assertThat(browser.cookie("better-auth.session_token")).startsWith(signedUp.json().get("token").asString() + ".");
            assertThat(signedUp.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(signedUp.json().get("user").get("emailVerified").asBoolean()).isTrue();
            assertThat(signedUp.json().get("user").get("name").asString()).isEqualTo("Ada Lovelace");
            assertThat(signedUp.json().get("user").get("image").asString()).isEqualTo("https://lh3.googleusercontent.com/a/photo");
            signedIn.assertStatus(200);
            assertThat(signedIn.json().get("user").get("id").asString())
                    .isEqualTo(signedUp.json().get("user").get("id").asString());
            Row account = auth.postern().store().findOne(CoreSchema.ACCOUNT,
                    Where.eq("providerId", "google").andEq("accountId", "google-sub-1")).orElseThrow();
            assertThat(account.string("userId")).isEqualTo(signedUp.json().get("user").get("id").asString());
            assertThat(account.string("scope")).isEqualTo("openid,profile,email");
            assertThat(account.string("idToken")).isEqualTo(second);
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.eq("email", "ada@example.com"))).isEqualTo(1);
        }
    }

    @SqliteAndPostgres
    void tokensGoogleDidNotIssueForThisClientAreInvalid(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (FakeGoogle google = FakeGoogle.start();
             TestPostern auth = start(database, OneTapOptions.forClient(FakeGoogle.CLIENT_ID).withJwksUrl(google.jwksUrl()), clock)) {
            Instant now = clock.instant();
            List<String> bad = List.of(
                    google.token("s", "a@example.com", now, c -> c.audience("another-client")),
                    google.token("s", "a@example.com", now, c -> c.issuer("https://evil.example")),
                    google.token("s", "a@example.com", now.minusSeconds(7200), c -> { }),
                    google.token("s", "a@example.com", now.minusSeconds(3700),
                            c -> c.expirationTime(Date.from(now.plusSeconds(600)))),
                    google.forged(FakeGoogle.claims("s", "a@example.com", now).build()),
                    FakeGoogle.hmac(FakeGoogle.claims("s", "a@example.com", now).build()),
                    "not.a.jwt");

            for (String token : bad) {
                TestResponse response = callback(auth.client(), token);
                assertThat(response.status()).as(token).isEqualTo(400);
                assertThat(response.body()).isEqualTo(INVALID);
                assertThat(response.setCookies()).isEmpty();
            }
            TestResponse noEmail = callback(auth.client(), google.token("s", "a@example.com", now, c -> c.claim("email", null)));
            assertThat(noEmail.status()).isEqualTo(400);
            assertThat(noEmail.body()).isEqualTo("{\"message\":\"Email not available in token\"}");
            auth.client().postJson("/one-tap/callback", Map.of()).assertError(400, "VALIDATION_ERROR");
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.eq("email", "a@example.com"))).isZero();
        }
    }

    @SqliteAndPostgres
    void anExistingUserIsLinkedOnlyWhenBothSidesVerifiedTheAddress(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (FakeGoogle google = FakeGoogle.start();
             TestPostern auth = start(database, OneTapOptions.forClient(FakeGoogle.CLIENT_ID).withJwksUrl(google.jwksUrl()), clock)) {
            String userId = Users.signUp(auth.client(), "ada@example.com").json().get("user").get("id").asString();
            String token = google.token(FakeGoogle.claims("google-sub-2", "ada@example.com", clock.instant()).build());

            TestResponse notLinked = callback(auth.client(), token);
            auth.postern().users().update(userId, Map.of("emailVerified", true));
            TestResponse unverifiedAtGoogle = callback(auth.client(), google.token("google-sub-2", "ada@example.com",
                    clock.instant(), c -> c.claim("email_verified", false)));
            TestResponse linked = callback(auth.client(), token);

            assertThat(notLinked.status()).isEqualTo(401);
            assertThat(notLinked.body()).isEqualTo("{\"message\":\"account not linked\"}");
            assertThat(unverifiedAtGoogle.status()).isEqualTo(401);
            linked.assertStatus(200);
            assertThat(linked.json().get("user").get("id").asString()).isEqualTo(userId);
            assertThat(auth.postern().accounts().listFor(userId)).extracting(r -> r.string("providerId"))
                    .containsExactlyInAnyOrder("credential", "google");
        }
    }

    @SqliteAndPostgres
    void disableSignupAndMissingConfigurationAreRefused(TestDatabase database) throws IOException {
        MutableClock clock = new MutableClock();
        try (FakeGoogle google = FakeGoogle.start();
             TestPostern noSignUp = start(database, OneTapOptions.forClient(FakeGoogle.CLIENT_ID)
                     .withJwksUrl(google.jwksUrl()).withDisableSignup(true), clock);
             TestPostern noClient = start(database, new OneTapOptions(List.of(), false, google.jwksUrl()), clock)) {
            String token = google.token(FakeGoogle.claims("google-sub-3", "new@example.com", clock.instant()).build());

            TestResponse refused = callback(noSignUp.client(), token);
            TestResponse unconfigured = callback(noClient.client(), token);

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).isEqualTo("{\"message\":\"signup disabled\"}");
            assertThat(unconfigured.status()).isEqualTo(400);
            assertThat(unconfigured.json().get("message").asString()).startsWith("Google client ID is required for One Tap.");
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (FakeGoogle google = FakeGoogle.start();
             TestPostern jwksDown = start(database, OneTapOptions.forClient(FakeGoogle.CLIENT_ID)
                     .withJwksUrl(URI.create("http://127.0.0.1:" + closedPort + "/certs")), clock)) {
            TestResponse response = callback(jwksDown.client(),
                    google.token(FakeGoogle.claims("google-sub-4", "x@example.com", clock.instant()).build()));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEqualTo(INVALID);
        }
    }

    private static TestResponse callback(TestClient client, String idToken) {
        return client.postJson("/one-tap/callback", Map.of("idToken", idToken));
    }

    private static TestPostern start(TestDatabase database, OneTapOptions options, MutableClock clock) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(), new SessionPlugin(), new OneTapPlugin(options))
                .configure(b -> b.clock(clock))
                .start();
    }
}
