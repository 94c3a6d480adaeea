package dev.postern.plugin.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.crypto.CookieSigner;
import dev.postern.crypto.Secret;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change of secret logs nobody out (docs/security.md, "Secrets and rotation"): an instance restarted
 * on the same database with {@code POSTERN_SECRETS="2:B,1:A"} still accepts the session cookies signed
 * with A, signs new ones with B and re-signs old ones with B when it extends their session; only removing
 * A from the ring retires cookies signed with it.
 */
class SecretRotationTest {
    private static final String A = "rotation-secret-a-0123456789abcdefghijklmnop";
    private static final String B = "rotation-secret-b-0123456789abcdefghijklmnop";
    private static final String SESSION_COOKIE = "better-auth.session_token";

    private TestDatabase.Instance database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.SQLITE.create();
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    private TestPostern.Builder instance() {
        return TestPostern.builder().database(database).plugins(new SessionPlugin(), new TestSignIn());
    }

    /** A client of {@code auth} carrying the session cookie value another instance set. */
    private static TestClient carrying(TestPostern auth, String sessionCookie) {
        return auth.client().cookie(SESSION_COOKIE, sessionCookie);
    }

    /** Signs {@code email} in on a fresh start of {@code instance}, stops it, and returns the session cookie it set. */
    private static String sessionCookieFrom(TestPostern.Builder instance, String email) {
        try (TestPostern auth = instance.start()) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, email);
            return client.cookie(SESSION_COOKIE);
        }
    }

    private static TestResponse getSession(TestPostern auth, String sessionCookie) {
        return carrying(auth, sessionCookie).get("/get-session").assertStatus(200);
    }

    @Test
    void sessionCookieSignedWithTheOldSecretStillResolvesAfterRotation() {
        String cookieOfA = sessionCookieFrom(instance().secret(A), "ada@example.com");

        try (TestPostern rotated = instance().secrets("2:" + B + ",1:" + A).start()) {
            TestResponse response = getSession(rotated, cookieOfA);

            assertThat(response.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
        }
    }

    @Test
    void afterRotationNewSessionCookiesAreSignedWithTheNewSecret() {
        try (TestPostern rotated = instance().secrets("2:" + B + ",1:" + A).start()) {
            TestClient client = rotated.client();
            String token = TestSignIn.signIn(client, "ada@example.com");

            assertThat(client.cookie(SESSION_COOKIE)).isEqualTo(new CookieSigner(Secret.of(B)).sign(token));
            assertThat(client.cookie(SESSION_COOKIE)).isNotEqualTo(new CookieSigner(Secret.of(A)).sign(token));
        }
    }

    @Test
    void aSessionExtendedAfterRotationGetsItsCookieReSignedWithTheNewSecret() {
        MutableClock clock = new MutableClock();
        String cookieOfA = sessionCookieFrom(instance().secret(A).configure(b -> b.clock(clock)), "ada@example.com");
        String token = new CookieSigner(Secret.of(A)).verify(cookieOfA).orElseThrow();

        clock.advance(Duration.ofDays(1)); // updateAge: the next read extends the session
        try (TestPostern rotated = instance().secrets("2:" + B + ",1:" + A).configure(b -> b.clock(clock)).start()) {
            TestClient client = carrying(rotated, cookieOfA);
            client.get("/get-session").assertStatus(200);

            assertThat(client.cookie(SESSION_COOKIE)).isEqualTo(new CookieSigner(Secret.of(B)).sign(token));
        }
    }

    @Test
    void removingTheOldSecretFromTheRingRetiresItsCookiesButNotTheNewOnes() {
        String cookieOfA = sessionCookieFrom(instance().secret(A), "ada@example.com");
        String cookieOfB = sessionCookieFrom(instance().secrets("2:" + B + ",1:" + A), "grace@example.com");

        try (TestPostern oldSecretRemoved = instance().secrets("2:" + B).start()) {
            assertThat(getSession(oldSecretRemoved, cookieOfA).body()).isEqualTo("null");
            assertThat(getSession(oldSecretRemoved, cookieOfB).json().get("user").get("email").asString())
                    .isEqualTo("grace@example.com");
        }
    }
}
