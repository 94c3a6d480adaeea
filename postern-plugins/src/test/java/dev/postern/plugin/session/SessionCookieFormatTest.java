package dev.postern.plugin.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.session.CookieSettings;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The session cookies byte for byte as better-auth 1.7.25 writes them (wire reference §5.1, §5.2, §5.4,
 * §5.5), the signature recomputed here independently of Postern's signer.
 */
class SessionCookieFormatTest {
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9]{32}$");

    @Test
    void rememberedSessionTokenIsSignedAndLastsSevenDays() {
        try (TestPostern auth = TestSignIn.start(TestDatabase.SQLITE)) {
            TestResponse response = auth.client().postJson("/test/sign-in", java.util.Map.of("email", "ada@example.com"));
            String token = response.json().get("token").asString();

            assertThat(token).matches(TOKEN);
            assertThat(response.setCookies()).containsExactly(
                    "better-auth.session_token=" + signed(token) + "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax");
        }
    }

    @Test
    void dontRememberSessionGetsBrowserSessionCookiesAndTheSignedMarker() {
        try (TestPostern auth = TestSignIn.start(TestDatabase.SQLITE)) {
            TestResponse response = auth.client().postJson("/test/sign-in",
                    java.util.Map.of("email", "ada@example.com", "rememberMe", false));
            String token = response.json().get("token").asString();

            assertThat(response.setCookies()).containsExactly(
                    "better-auth.session_token=" + signed(token) + "; Path=/; HttpOnly; SameSite=Lax",
                    "better-auth.dont_remember=" + signed("true") + "; Path=/; HttpOnly; SameSite=Lax");
        }
    }

    @Test
    void httpsBaseUrlGivesSecurePrefixAndSecureAttribute() {
        try (TestPostern auth = TestPostern.builder().plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b.baseUrl("https://auth.example.com")).start()) {
            AuthResponse response = auth.postern().handle(
                    AuthRequest.postJson("/api/auth/test/sign-in", "{\"email\":\"ada@example.com\",\"rememberMe\":false}"));
            List<String> cookies = response.headers().all("Set-Cookie");
            String token = tokenIn(cookies.get(0), "__Secure-better-auth.session_token");

            // The probed "don't remember" sign-up on an https baseURL (wire reference §5.5).
            assertThat(cookies).containsExactly(
                    "__Secure-better-auth.session_token=" + signed(token) + "; Path=/; HttpOnly; Secure; SameSite=Lax",
                    "__Secure-better-auth.dont_remember=" + signed("true") + "; Path=/; HttpOnly; Secure; SameSite=Lax");
        }
    }

    @Test
    void productionAlsoMakesCookiesSecure() {
        try (TestPostern auth = TestPostern.builder().plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b.production(true)).start()) {
            TestResponse response = auth.client().postJson("/test/sign-in", java.util.Map.of("email", "ada@example.com"));

            assertThat(response.setCookies()).singleElement().asString()
                    .startsWith("__Secure-better-auth.session_token=")
                    .endsWith("; Max-Age=604800; Path=/; HttpOnly; Secure; SameSite=Lax");
        }
    }

    @Test
    void useSecureCookiesFalseWinsOverHttps() {
        try (TestPostern auth = TestPostern.builder().plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b.baseUrl("https://auth.example.com")
                        .cookies(CookieSettings.defaults().withSecureCookies(false))).start()) {
            AuthResponse response = auth.postern().handle(
                    AuthRequest.postJson("/api/auth/test/sign-in", "{\"email\":\"ada@example.com\"}"));

            assertThat(response.headers().all("Set-Cookie")).singleElement().asString()
                    .startsWith("better-auth.session_token=")
                    .endsWith("; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax");
        }
    }

    @Test
    void crossSubDomainCookiesCarryTheDomainOnEveryAuthCookie() {
        try (TestPostern auth = TestPostern.builder().plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b.cookies(CookieSettings.defaults().withCrossSubDomain("example.com"))).start()) {
            TestClient client = auth.client();
            TestResponse signIn = client.postJson("/test/sign-in", java.util.Map.of("email", "ada@example.com", "rememberMe", false));
            TestResponse signOut = client.postJson("/sign-out", java.util.Map.of());

            assertThat(signIn.setCookies()).hasSize(2).allSatisfy(c -> assertThat(c).contains("; Domain=example.com; Path=/;"));
            assertThat(signOut.setCookies()).hasSize(3).allSatisfy(c -> assertThat(c).contains("; Max-Age=0; Domain=example.com; Path=/;"));
        }
    }

    @Test
    void cookiePrefixRenamesEveryCookie() {
        try (TestPostern auth = TestPostern.builder().plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b.cookies(CookieSettings.defaults().withPrefix("my-app"))).start()) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");

            assertThat(client.cookies()).containsOnlyKeys("my-app.session_token");
            assertThat(client.get("/get-session").json().get("user").get("email").asString()).isEqualTo("ada@example.com");
        }
    }

    @Test
    void sameSiteNoneForcesSecureWithoutThePrefix() {
        try (TestPostern auth = TestPostern.builder().plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b.cookies(CookieSettings.defaults().withSameSite("None"))).start()) {
            TestResponse response = auth.client().postJson("/test/sign-in", java.util.Map.of("email", "ada@example.com"));

            assertThat(response.setCookies()).singleElement().asString()
                    .startsWith("better-auth.session_token=")
                    .endsWith("; Max-Age=604800; Path=/; HttpOnly; Secure; SameSite=None");
        }
    }

    /** better-call's signed value: encodeURIComponent(value + "." + base64(HMAC-SHA256(secret, value))). */
    static String signed(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestPostern.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = Base64.getEncoder().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
            // URLEncoder differs from encodeURIComponent only on characters a token and base64 never hold.
            return URLEncoder.encode(value + "." + signature, StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tokenIn(String setCookie, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "=([A-Za-z0-9]{32})\\.").matcher(setCookie);
        assertThat(m.find()).as("signed token in %s", setCookie).isTrue();
        return m.group(1);
    }
}
