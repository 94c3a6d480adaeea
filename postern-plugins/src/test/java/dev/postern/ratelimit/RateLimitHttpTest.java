package dev.postern.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limiting over real HTTP, with the defaults an application gets (memory storage): the 429 of
 * better-auth-wire.md §2 and the per-client buckets of §9.3/§9.4.
 */
class RateLimitHttpTest {
    private TestPostern auth;
    private TestClient client;

    @BeforeEach
    void start() {
        auth = TestPostern.builder().plugins(new LimitedProbePlugin())
                .configure(b -> b.rateLimit(RateLimitSettings.defaults()))
                .start();
        client = auth.client();
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    private TestResponse signIn(String forwardedFor) {
        HttpRequest.Builder request = client.builder(LimitedProbePlugin.SIGN_IN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return client.send(request);
    }

    @Test
    void theFourthSignInWithinTenSecondsIs429WithRetryAfterAndBetterAuthsBody() {
        for (int i = 0; i < 3; i++) {
            signIn(null).assertStatus(200);
        }

        TestResponse denied = signIn(null);

        denied.assertStatus(429);
        assertThat(denied.body()).isEqualTo("{\"message\":\"Too many requests. Please try again later.\"}");
        assertThat(denied.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(denied.header("X-Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 10));
        assertThat(denied.json().has("code")).isFalse();
    }

    @Test
    void aDifferentForwardedAddressHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            signIn("203.0.113.7").assertStatus(200);
        }
        signIn("203.0.113.7").assertStatus(429);

        signIn("198.51.100.1").assertStatus(200);
        signIn(null).assertStatus(200);
    }

    @Test
    void aSpoofedCommaListWithoutTrustedProxiesDoesNotCreateANewBucketPerRequest() {
        for (int i = 0; i < 3; i++) {
            signIn("10.9.9." + i + ", 203.0.113.7").assertStatus(200);
        }

        signIn("10.9.9.99, 203.0.113.7").assertStatus(429);
        signIn(null).assertStatus(429);
    }

    @Test
    void pluginRulesApplyToTheirPaths() {
        for (int i = 0; i < 3; i++) {
            client.postJson(LimitedProbePlugin.LIMITED, Map.of()).assertStatus(200);
        }

        TestResponse denied = client.postJson(LimitedProbePlugin.LIMITED, Map.of());

        denied.assertStatus(429);
        assertThat(denied.header("X-Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
    }

    @Test
    void testPosternStartsWithRateLimitingOffUnlessATestTurnsItOn() {
        try (TestPostern plain = TestPostern.start(new LimitedProbePlugin())) {
            assertThat(plain.postern().config().rateLimit().enabled()).isFalse();
            for (int i = 0; i < 6; i++) {
                plain.client().postJson(LimitedProbePlugin.SIGN_IN, Map.of()).assertStatus(200);
            }
        }
    }
}
