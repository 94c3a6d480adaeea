package dev.postern.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.PosternConfig;
import dev.postern.http.AuthRequest;
import dev.postern.http.Cookie;
import dev.postern.store.StoreProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Cookie names and attributes as better-auth's {@code createCookieGetter} makes them (wire reference §5.1). */
class AuthCookiesTest {
    private static final String SECRET = "a-secret-that-is-long-enough-for-tests-0123456789";

    @Test
    void namesArePrefixDotKeyAndSecureOnHttps() {
        assertThat(cookies("http://localhost:3000").name("session_token")).isEqualTo("better-auth.session_token");
        assertThat(cookies("https://auth.example.com").name("session_token")).isEqualTo("__Secure-better-auth.session_token");
    }

    @Test
    void unsignedValuesAreUriComponentEncoded() {
        Cookie cookie = cookies("http://localhost:3000").create("last_used", "a b/c", Duration.ofSeconds(60));

        assertThat(cookie.toHeader()).isEqualTo("better-auth.last_used=a%20b%2Fc; Max-Age=60; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void signedValuesReadBackOnlyWithTheirSignature() {
        AuthCookies cookies = cookies("http://localhost:3000");
        Cookie signed = cookies.signed("state", "abc", Duration.ofSeconds(300));

        assertThat(cookies.readSigned(request(signed.name() + "=" + signed.value()), "state")).contains("abc");
        assertThat(cookies.readSigned(request(signed.name() + "=abc.AAAA"), "state")).isEmpty();
        assertThat(cookies.readSigned(request("other=1"), "state")).isEmpty();
    }

    private static AuthRequest request(String cookieHeader) {
        return AuthRequest.builder("GET", "/api/auth/get-session").header("Cookie", cookieHeader).build();
    }

    private static AuthCookies cookies(String baseUrl) {
        StoreProvider noStore = schema -> {
            throw new UnsupportedOperationException("not opened");
        };
        return new AuthCookies(PosternConfig.builder().secret(SECRET).baseUrl(baseUrl).database(noStore).build());
    }
}
