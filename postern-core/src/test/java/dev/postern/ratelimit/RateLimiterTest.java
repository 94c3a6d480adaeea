package dev.postern.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.NoStore;
import dev.postern.Postern;
import dev.postern.PosternApi.ApiCall;
import dev.postern.PosternConfig;
import dev.postern.ProbePlugin;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.security.IpAddressSettings;
import dev.postern.storage.InMemorySecondaryStorage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The limiter through {@code Postern.handle}, in memory, on a clock the test moves: better-auth-wire.md §9.4
 * (algorithm, key) and §2 ("Rate-limit response"). {@code /sign-up/probe} falls under the sign-up special rule,
 * 3 requests per 10 seconds.
 */
class RateLimiterTest {
    private static final String SIGN_UP = "/api/auth/sign-up/probe";
    private final SteppingClock clock = SteppingClock.atEpochSecond(1_800_000_000L);

    private Postern postern(Consumer<PosternConfig.Builder> customizer) {
        PosternConfig.Builder builder = PosternConfig.builder()
                .secret("a-test-secret-that-is-long-enough-0123456789")
                .database(NoStore.PROVIDER)
                .plugin(new ProbePlugin())
                .clock(clock);
        customizer.accept(builder);
        return Postern.create(builder.build());
    }

    private Postern postern() {
        return postern(b -> { });
    }

    private static AuthResponse signUp(Postern postern, String forwardedFor) {
        AuthRequest.Builder request = AuthRequest.builder("POST", SIGN_UP).header("Content-Type", "application/json")
                .body("{\"email\":\"ada@example.com\"}").clientAddress("127.0.0.1");
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return postern.handle(request.build());
    }

    private static AuthResponse signUp(Postern postern) {
        return signUp(postern, null);
    }

    @Test
    void rateLimitingIsOnByDefaultWithBetterAuthsDefaults() {
        RateLimitSettings defaults = PosternConfig.builder().secret("s".repeat(32)).database(NoStore.PROVIDER).build()
                .rateLimit();

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.defaultLimit()).isEqualTo(RateLimit.of(Duration.ofSeconds(10), 100));
        assertThat(defaults.storage()).isEmpty();
        assertThat(defaults.memoryMaxKeys()).isEqualTo(100_000);
    }

    @Test
    void theFourthSignUpWithinTenSecondsIs429WithBetterAuthsResponse() {
        Postern postern = postern();
        for (int i = 0; i < 3; i++) {
            assertThat(signUp(postern).status()).isEqualTo(200);
            clock.advanceMillis(1000);
        }

        AuthResponse denied = signUp(postern);

        assertThat(denied.status()).isEqualTo(429);
        assertThat(denied.reason()).isEqualTo("Too Many Requests");
        assertThat(denied.header("X-Retry-After")).contains("9");
        assertThat(denied.header("Content-Type")).contains("application/json");
        assertThat(denied.bodyText()).isEqualTo("{\"message\":\"Too many requests. Please try again later.\"}");
    }

    @Test
    void theWindowRestartsFromTheLastAllowedRequest() {
        Postern postern = postern();
        signUp(postern);
        clock.advance(Duration.ofSeconds(4));
        signUp(postern);
        clock.advance(Duration.ofSeconds(4));
        signUp(postern); // third, at 8 s: the window now runs to 18 s

        clock.advance(Duration.ofSeconds(5));
        assertThat(signUp(postern).header("X-Retry-After")).contains("5");
        clock.advance(Duration.ofMillis(4_999));
        assertThat(signUp(postern).status()).isEqualTo(429);
        clock.advanceMillis(1);
        assertThat(signUp(postern).status()).isEqualTo(200);
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        Postern postern = postern();
        for (int i = 0; i < 3; i++) {
            signUp(postern);
        }

        clock.advanceMillis(500);
        assertThat(signUp(postern).header("X-Retry-After")).contains("10");
        clock.advanceMillis(8_501);
        assertThat(signUp(postern).header("X-Retry-After")).contains("1");
    }

    @Test
    void deniedRequestsDoNotExtendTheWait() {
        Postern postern = postern();
        for (int i = 0; i < 3; i++) {
            signUp(postern);
        }
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(signUp(postern).status()).isEqualTo(429);
        }

        clock.advance(Duration.ofSeconds(1));
        assertThat(signUp(postern).status()).isEqualTo(200);
    }

    @Test
    void eachForwardedAddressHasItsOwnBucket() {
        Postern postern = postern();
        for (int i = 0; i < 3; i++) {
            signUp(postern, "203.0.113.7");
        }

        assertThat(signUp(postern, "203.0.113.7").status()).isEqualTo(429);
        assertThat(signUp(postern, "198.51.100.1").status()).isEqualTo(200);
    }

    @Test
    void aSpoofedCommaListDoesNotBuyANewBucketPerRequest() {
        Postern postern = postern();
        for (int i = 0; i < 3; i++) {
            assertThat(signUp(postern, "10.0.0." + i + ", 127.0.0.1").status()).isEqualTo(200);
        }

        assertThat(signUp(postern, "10.0.0.99, 127.0.0.1").status()).isEqualTo(429);
        assertThat(signUp(postern).status()).isEqualTo(429);
    }

    @Test
    void keysAreIpPipePathAndNoTrustedIpWhenNoAddressIsKnown() {
        List<String> keys = new CopyOnWriteArrayList<>();
        RateLimitSettings recording = RateLimitSettings.builder().customStorage((key, limit) -> {
            keys.add(key);
            return RateLimitDecision.allow();
        }).build();
        Postern production = postern(b -> b.production(true).rateLimit(recording));

        production.handle(AuthRequest.builder("GET", "/api/auth/ok").header("X-Forwarded-For", "203.0.113.7").build());
        production.handle(AuthRequest.get("/api/auth/ok"));
        production.handle(AuthRequest.builder("GET", "/api/auth/ok").header("X-Forwarded-For", "2001:db8::1").build());

        assertThat(keys).containsExactly("203.0.113.7|/ok", "no-trusted-ip|/ok",
                "2001:0db8:0000:0000:0000:0000:0000:0000|/ok");
    }

    @Test
    void disableIpTrackingSkipsRateLimiting() {
        Postern postern = postern(b -> b.ipAddress(IpAddressSettings.defaults().withIpTrackingDisabled(true)));

        for (int i = 0; i < 10; i++) {
            assertThat(signUp(postern).status()).isEqualTo(200);
        }
    }

    @Test
    void disabledSettingsLimitNothing() {
        Postern postern = postern(b -> b.rateLimit(RateLimitSettings.disabled()));

        for (int i = 0; i < 10; i++) {
            assertThat(signUp(postern).status()).isEqualTo(200);
        }
    }

    @Test
    void aCustomRuleSetToDisabledExemptsItsPath() {
        Postern postern = postern(b -> b.rateLimit(RateLimitSettings.builder()
                .customRule("/sign-up/*", CustomRateLimitRule.disabled()).build()));

        for (int i = 0; i < 10; i++) {
            assertThat(signUp(postern).status()).isEqualTo(200);
        }
    }

    @Test
    void javaApiCallsAreNeverLimited() {
        Postern postern = postern();

        for (int i = 0; i < 10; i++) {
            assertThat(postern.api().call("signUpProbe", ApiCall.body(Map.of("email", "ada@example.com"))).json()
                    .get("email").asString()).isEqualTo("ada@example.com");
        }
    }

    @Test
    void secondaryStorageIsUsedByDefaultWhenConfiguredWithAFixedWindow() {
        InMemorySecondaryStorage storage = new InMemorySecondaryStorage(clock);
        Postern postern = postern(b -> b.secondaryStorage(storage));
        for (int i = 0; i < 3; i++) {
            assertThat(signUp(postern).status()).isEqualTo(200);
        }

        AuthResponse denied = signUp(postern);

        assertThat(denied.status()).isEqualTo(429);
        assertThat(denied.header("X-Retry-After")).contains("10");
        assertThat(storage.get("127.0.0.1|/sign-up/probe")).contains("4");
        clock.advance(Duration.ofSeconds(10));
        assertThat(signUp(postern).status()).isEqualTo(200);
    }

    @Test
    void secondaryStorageTypeWithoutASecondaryStorageIsAConfigurationError() {
        assertThatThrownBy(() -> postern(b -> b.rateLimit(RateLimitSettings.builder()
                .storage(RateLimitStorageType.SECONDARY_STORAGE).build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secondaryStorage");
    }

    @Test
    void onlyDatabaseStorageAddsTheRateLimitTable() {
        PosternConfig.Builder base = PosternConfig.builder().secret("s".repeat(32)).database(NoStore.PROVIDER);

        assertThat(Postern.schemaOf(base.build()).table("rateLimit")).isEmpty();
        PosternConfig database = base.rateLimit(RateLimitSettings.builder().storage(RateLimitStorageType.DATABASE).build())
                .build();
        assertThat(Postern.schemaOf(database).table("rateLimit")).hasValueSatisfying(table -> {
            assertThat(table.field("key").orElseThrow().unique()).isTrue();
            assertThat(table.field("lastRequest").orElseThrow().bigint()).isTrue();
        });
    }
}
