package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code session_data} cookies cross between Postern and better-auth: Postern's are read by
 * {@code getCookieCache} from {@code better-auth/cookies}; better-auth's come from a real sign-up on a
 * memory-adapter instance with {@code session.cookieCache} enabled.
 */
class CookieCacheInteropTest {
    private static final String SECRET = "postern-interop-secret-0123456789abcdef";
    private static final String COOKIE_NAME = "better-auth.session_data";
    /** Awkward for every encoder: non-ASCII, an astral character, a control character, markup, quotes. */
    private static final String TRICKY_NAME = "Zoë 😀 \u0001 \"q\" </script> \\ \u2028";

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void cacheWrittenByPosternIsReadByBetterAuthsGetCookieCache(CookieCacheStrategy strategy) {
        ObjectNode data = SessionDataFixture.sessionData(Instant.now(), TRICKY_NAME);
        String value = codec(strategy).encode(data, Duration.ofMinutes(5));

        JsonNode payload = getCookieCache(strategy, COOKIE_NAME + "=" + value);

        assertThat(payload.isObject()).as("getCookieCache returned %s", payload).isTrue();
        assertThat(payload.get("session")).isEqualTo(data.get("session"));
        assertThat(payload.get("user")).isEqualTo(data.get("user"));
        assertThat(payload.get("updatedAt")).isEqualTo(data.get("updatedAt"));
        assertThat(payload.get("version").stringValue()).isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void chunkedCacheWrittenByPosternIsJoinedAndReadByBetterAuth(CookieCacheStrategy strategy) {
        String longName = TRICKY_NAME + " " + "n".repeat(9000);
        String value = codec(strategy).encode(SessionDataFixture.sessionData(Instant.now(), longName), Duration.ofMinutes(5));
        List<Cookie> chunks = CookieChunks.split(Cookie.of(COOKIE_NAME, value).withMaxAge(Duration.ofMinutes(5))).orElseThrow();
        assertThat(chunks).hasSizeGreaterThan(2);
        String header = chunks.reversed().stream().map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));

        JsonNode payload = getCookieCache(strategy, header);

        assertThat(payload.path("user").path("name").stringValue()).isEqualTo(longName);
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void cacheWrittenByBetterAuthOnSignUpIsReadByPostern(CookieCacheStrategy strategy) {
        String longName = TRICKY_NAME + " " + "n".repeat(strategy == CookieCacheStrategy.COMPACT ? 6000 : 10);
        JsonNode signUp = BetterAuthNode.require().call("signUpWithCookieCache", Map.of("secret", SECRET,
                "strategy", strategy.wireName(), "name", longName, "email", "Mixed@Example.com",
                "password", "correct horse battery staple", "maxAge", 300));
        assertThat(signUp.get("status").intValue()).isEqualTo(200);
        Map<String, String> cookies = GoldenVectorsTest.requestCookies(signUp);

        String value = CookieChunks.join(COOKIE_NAME, cookies).orElseThrow();
        CachedSession cached = codec(strategy).decode(value).orElseThrow();

        String sessionToken = new CookieSigner(Secret.of(SECRET)).verify(cookies.get("better-auth.session_token")).orElseThrow();
        assertThat(cached.sessionData().get("session").get("token").stringValue()).isEqualTo(sessionToken);
        assertThat(cached.sessionData().get("user").get("name").stringValue()).isEqualTo(longName);
        assertThat(cached.sessionData().get("user").get("email").stringValue()).isEqualTo("mixed@example.com");
        assertThat(cached.expiresAt()).isAfter(Instant.now().plusSeconds(200));
        if (strategy == CookieCacheStrategy.COMPACT) {
            List<String> ours = CookieChunks.split(Cookie.of(COOKIE_NAME, value).withMaxAge(Duration.ofSeconds(300)))
                    .orElseThrow().stream().map(Cookie::toHeader).toList();
            List<String> theirs = signUp.get("setCookies").values().stream().map(JsonNode::stringValue)
                    .filter(h -> h.startsWith(COOKIE_NAME)).toList();
            assertThat(ours).hasSizeGreaterThan(1).isEqualTo(theirs);
        }
    }

    private static CookieCacheCodec codec(CookieCacheStrategy strategy) {
        return CookieCacheCodec.of(strategy, Secret.of(SECRET), Clock.systemUTC());
    }

    private static JsonNode getCookieCache(CookieCacheStrategy strategy, String cookieHeader) {
        return BetterAuthNode.require().call("getCookieCache",
                Map.of("secret", SECRET, "strategy", strategy.wireName(), "cookieHeader", cookieHeader));
    }
}
