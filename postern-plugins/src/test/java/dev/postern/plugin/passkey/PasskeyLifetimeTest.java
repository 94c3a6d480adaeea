package dev.postern.plugin.passkey;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.time.Duration;
import java.util.Map;

/** Time limits: challenges live five minutes, and adding a passkey needs a fresh session. */
class PasskeyLifetimeTest {

    private static TestPostern start(TestDatabase database, MutableClock clock) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(), new SessionPlugin(), new PasskeyPlugin())
                .configure(b -> b.clock(clock))
                .start();
    }

    @SqliteAndPostgres
    void aChallengeOlderThanFiveMinutesIsGone(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock)) {
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");
            SoftAuthenticator authenticator = new SoftAuthenticator();
            String challenge = client.get("/passkey/generate-register-options").assertStatus(200)
                    .json().get("challenge").asString();

            clock.advance(Duration.ofSeconds(301));

            client.postJson("/passkey/verify-registration", Map.of("response",
                    authenticator.register(challenge, Ceremonies.origin(auth), Ceremonies.rpId(auth))))
                    .assertError(400, "CHALLENGE_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void addingAPasskeyNeedsAFreshSession(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock)) {
            TestClient client = Ceremonies.signedIn(auth, "ada@example.com");

            clock.advance(Duration.ofHours(25));

            client.get("/passkey/generate-register-options").assertError(403, "SESSION_NOT_FRESH");
            client.postJson("/passkey/verify-registration", Map.of("response", Map.of()))
                    .assertError(403, "SESSION_NOT_FRESH");
            client.get("/passkey/list-user-passkeys").assertStatus(200);
        }
    }
}
