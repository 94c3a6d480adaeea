package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.http.Cookie;
import dev.postern.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Outputs of the real better-auth 1.7.25, recorded by {@code generate-golden.mjs}, read back with a clock
 * pinned to when they were made. These run without Node; {@code *InteropTest} checks the live library.
 */
class GoldenVectorsTest {
    private static final JsonNode GOLDEN = load();
    private static final Secret SECRET = Secret.of(GOLDEN.get("secret").stringValue());
    private static final Clock THEN = Clock.fixed(Instant.ofEpochMilli(GOLDEN.get("nowMillis").longValue()), ZoneOffset.UTC);

    @Test
    void betterAuthPasswordHashVerifies() {
        JsonNode vector = GOLDEN.get("passwordHash");
        Passwords passwords = Passwords.withDefaults();
        assertThat(passwords.verify(vector.get("hash").stringValue(), vector.get("password").stringValue())).isTrue();
        assertThat(passwords.verify(vector.get("hash").stringValue(), "wrong")).isFalse();
    }

    @Test
    void betterAuthSessionTokenCookieVerifies() {
        for (String strategy : List.of("compact", "jwt", "jwe")) {
            JsonNode signUp = GOLDEN.get("strategies").get(strategy);
            String raw = requestCookies(signUp).get("better-auth.session_token");
            assertThat(new CookieSigner(SECRET).verify(raw)).contains(signUp.get("sessionToken").stringValue());
        }
    }

    @Test
    void betterAuthCookieCacheDecodesInEveryStrategy() {
        for (CookieCacheStrategy strategy : CookieCacheStrategy.values()) {
            JsonNode signUp = GOLDEN.get("strategies").get(strategy.wireName());
            String value = CookieChunks.join("better-auth.session_data", requestCookies(signUp)).orElseThrow();
            CachedSession cached = CookieCacheCodec.of(strategy, SECRET, THEN).decode(value).orElseThrow();
            assertThat(cached.sessionData().get("user").get("id").stringValue()).isEqualTo(signUp.get("userId").stringValue());
            assertThat(cached.sessionData().get("user").get("email").stringValue()).isEqualTo("golden@example.com");
            assertThat(cached.sessionData().get("session").get("token").stringValue())
                    .isEqualTo(signUp.get("sessionToken").stringValue());
        }
    }

    @Test
    void compactCacheIsChunkedExactlyAsBetterAuthChunksIt() {
        JsonNode signUp = GOLDEN.get("strategies").get("compact");
        String value = CookieChunks.join("better-auth.session_data", requestCookies(signUp)).orElseThrow();
        Cookie template = Cookie.of("better-auth.session_data", value).withMaxAge(Duration.ofSeconds(300));
        List<String> headers = CookieChunks.split(template).orElseThrow().stream().map(Cookie::toHeader).toList();
        List<String> betterAuth = signUp.get("setCookies").values().stream().map(JsonNode::stringValue)
                .filter(h -> h.startsWith("better-auth.session_data")).toList();
        assertThat(betterAuth).hasSizeGreaterThan(1);
        assertThat(headers).isEqualTo(betterAuth);
    }

    @Test
    void betterAuthEmailVerificationJwtVerifies() {
        JsonNode claims = new Hs256Jwt(SECRET, THEN).verify(GOLDEN.get("emailJwt").get("token").stringValue()).orElseThrow();
        assertThat(claims.get("email").stringValue()).isEqualTo("golden@example.com");
        assertThat(claims.get("updateTo").isNull()).isTrue();
    }

    @Test
    void betterAuthAccountCookieJweDecrypts() {
        JsonNode claims = new SymmetricJwe(SECRET, SymmetricJwe.ACCOUNT_SALT, THEN)
                .decode(GOLDEN.get("accountJwe").get("token").stringValue()).orElseThrow();
        assertThat(claims.get("accessToken").stringValue()).isEqualTo("gho_x");
    }

    /** The {@code Cookie} header a browser would send back for these {@code Set-Cookie} headers. */
    static Map<String, String> requestCookies(JsonNode signUp) {
        Map<String, String> cookies = new LinkedHashMap<>();
        for (JsonNode header : signUp.get("setCookies").values()) {
            String pair = header.stringValue().split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return cookies;
    }

    private static JsonNode load() {
        try (InputStream in = GoldenVectorsTest.class.getResourceAsStream("better-auth-1.7.25-golden.json")) {
            return Json.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
