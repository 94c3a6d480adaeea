package dev.postern.plugin.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.crypto.CachedSession;
import dev.postern.crypto.CookieCacheCodec;
import dev.postern.crypto.CookieCacheStrategy;
import dev.postern.crypto.Secret;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.json.Json;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.session.CookieCacheSettings;
import dev.postern.session.SessionSettings;
import dev.postern.store.Where;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code session_data} cookie cache in its three encodings (wire reference §5.3, §4.1 get-session
 * step 2): trusted while valid, rejected when tampered, expired, of another version or of another session.
 */
class CookieCacheTest {
    private static final String CACHE = "better-auth.session_data";
    /** Big enough to need two chunks in every encoding, small enough for the server's 8 KiB header limit. */
    private static final String TWO_CHUNK_BIO = "x".repeat(2800);

    static Stream<Arguments> everyDatabaseAndStrategy() {
        return Arrays.stream(TestDatabase.values()).flatMap(db ->
                Arrays.stream(CookieCacheStrategy.values()).map(strategy -> Arguments.of(db, strategy)));
    }

    @ParameterizedTest
    @MethodSource("everyDatabaseAndStrategy")
    void getSessionIsAnsweredFromTheCacheUntilTheCacheIsBypassed(TestDatabase database, CookieCacheStrategy strategy) {
        try (TestPostern auth = start(database, CookieCacheSettings.enabled(strategy))) {
            TestClient client = auth.client();
            TestResponse signIn = client.postJson("/test/sign-in", Map.of("email", "ada@example.com"));
            String token = signIn.json().get("token").asString();
            auth.postern().sessions().revoke(token);

            TestResponse cached = client.get("/get-session");
            TestResponse bypassed = client.get("/get-session?disableCookieCache=true");

            assertThat(signIn.setCookies()).anySatisfy(c -> assertThat(c)
                    .startsWith(CACHE + "=").endsWith("; Max-Age=300; Path=/; HttpOnly; SameSite=Lax"));
            assertThat(cached.json().get("session").get("token").asString()).isEqualTo(token);
            assertThat(cached.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(cached.setCookies()).isEmpty();
            assertThat(bypassed.body()).isEqualTo("null");
            assertThat(client.cookies()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void cachedPayloadIsBetterAuthsSessionData(CookieCacheStrategy strategy) {
        try (TestPostern auth = start(TestDatabase.SQLITE, CookieCacheSettings.enabled(strategy))) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");

            ObjectNode data = codec(strategy).decode(client.cookie(CACHE)).orElseThrow().sessionData();

            assertThat(data.propertyNames()).containsExactly("session", "user", "updatedAt", "version");
            assertThat(data.get("session").get("token").asString()).isEqualTo(token);
            assertThat(data.get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(data.get("updatedAt").isNumber()).isTrue();
            assertThat(data.get("version").asString()).isEqualTo("1");
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void tamperedCacheIsNotTrusted(CookieCacheStrategy strategy) {
        try (TestPostern auth = start(TestDatabase.SQLITE, CookieCacheSettings.enabled(strategy))) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            String value = client.cookie(CACHE);
            int middle = value.length() / 2;
            client.cookie(CACHE, value.substring(0, middle) + (value.charAt(middle) == 'A' ? 'B' : 'A') + value.substring(middle + 1));
            auth.postern().sessions().revoke(token);

            assertThat(client.get("/get-session").body()).isEqualTo("null");
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void tamperedCacheIsReplacedFromTheDatabase(CookieCacheStrategy strategy) {
        try (TestPostern auth = start(TestDatabase.SQLITE, CookieCacheSettings.enabled(strategy))) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");
            client.cookie(CACHE, "not-a-cache");

            TestResponse response = client.get("/get-session");

            assertThat(response.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(response.setCookies()).singleElement().asString()
                    .startsWith(CACHE + "=").doesNotStartWith(CACHE + "=;").contains("; Max-Age=300;");
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void expiredCacheIsNotTrusted(CookieCacheStrategy strategy) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(TestDatabase.SQLITE, CookieCacheSettings.enabled(strategy), clock)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            auth.postern().sessions().revoke(token);

            clock.advance(Duration.ofSeconds(299));
            assertThat(client.get("/get-session").body()).isNotEqualTo("null");
            clock.advance(Duration.ofSeconds(2));
            assertThat(client.get("/get-session").body()).isEqualTo("null");
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void cacheOfAnotherVersionIsNotTrusted(CookieCacheStrategy strategy) {
        try (TestPostern auth = start(TestDatabase.SQLITE, CookieCacheSettings.enabled(strategy).withVersion("2"))) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            String current = client.cookie(CACHE);
            CachedSession cached = codec(strategy).decode(current).orElseThrow();
            ObjectNode oldVersion = cached.sessionData().deepCopy();
            oldVersion.put("version", "1");
            String stale = codec(strategy).encode(oldVersion, Duration.ofSeconds(300));
            String tokenCookie = client.cookie("better-auth.session_token");
            auth.postern().sessions().revoke(token);

            client.cookie(CACHE, stale);
            assertThat(client.get("/get-session").body()).isEqualTo("null");

            client.cookie("better-auth.session_token", tokenCookie).cookie(CACHE, current);
            assertThat(client.get("/get-session").json().get("session").get("token").asString()).isEqualTo(token);
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void cacheOfAnotherSessionIsNotTrusted(CookieCacheStrategy strategy) {
        try (TestPostern auth = start(TestDatabase.SQLITE, CookieCacheSettings.enabled(strategy))) {
            TestClient ada = auth.client();
            TestClient bob = auth.client();
            TestSignIn.signIn(ada, "ada@example.com");
            TestSignIn.signIn(bob, "bob@example.com");
            ada.cookie(CACHE, bob.cookie(CACHE));

            TestResponse response = ada.get("/get-session");

            assertThat(response.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(codec(strategy).decode(ada.cookie(CACHE)).orElseThrow()
                    .sessionData().get("user").get("email").asString()).isEqualTo("ada@example.com");
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void dontRememberCacheIsABrowserSessionCookie(CookieCacheStrategy strategy) {
        try (TestPostern auth = start(TestDatabase.SQLITE, CookieCacheSettings.enabled(strategy))) {
            TestResponse signIn = auth.client().postJson("/test/sign-in", Map.of("email", "ada@example.com", "rememberMe", false));

            assertThat(signIn.setCookies()).filteredOn(c -> c.startsWith(CACHE + "="))
                    .singleElement().asString().endsWith("; Path=/; HttpOnly; SameSite=Lax").doesNotContain("Max-Age");
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void largeCacheIsChunkedAndReassembled(CookieCacheStrategy strategy) {
        try (TestPostern auth = startWithBio(CookieCacheSettings.enabled(strategy))) {
            TestClient client = auth.client();
            TestResponse signIn = client.postJson("/test/sign-in", Map.of("email", "ada@example.com", "bio", TWO_CHUNK_BIO));
            auth.postern().sessions().revoke(signIn.json().get("token").asString());

            TestResponse cached = client.get("/get-session");

            assertThat(signIn.setCookies()).filteredOn(c -> c.startsWith(CACHE))
                    .hasSize(2)
                    .allSatisfy(c -> assertThat(c).matches(java.util.regex.Pattern.quote(CACHE) + "\\.\\d=.*")
                            .hasSizeLessThanOrEqualTo(4050));
            assertThat(client.cookies()).doesNotContainKey(CACHE);
            assertThat(cached.json().get("user").get("bio").asString()).isEqualTo(TWO_CHUNK_BIO);
        }
    }

    /** Beyond 8 KiB of cookies, which the HTTP server's default header limit refuses, so sent in-process. */
    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void manyChunksAreJoinedInIndexOrder(CookieCacheStrategy strategy) {
        try (TestPostern auth = startWithBio(CookieCacheSettings.enabled(strategy))) {
            String bio = "0123456789".repeat(1200);
            AuthResponse signIn = auth.postern().handle(AuthRequest.postJson("/api/auth/test/sign-in",
                    "{\"email\":\"ada@example.com\",\"bio\":\"" + bio + "\"}"));
            auth.postern().sessions().revoke(Json.parse(signIn.body()).get("token").asString());
            List<String> pairs = new ArrayList<>(signIn.headers().all("Set-Cookie").stream()
                    .map(c -> c.substring(0, c.indexOf(';'))).toList());
            java.util.Collections.reverse(pairs);

            AuthResponse cached = auth.postern().handle(AuthRequest.builder("GET", "/api/auth/get-session")
                    .header("Cookie", String.join("; ", pairs)).build());

            assertThat(pairs).filteredOn(p -> p.startsWith(CACHE + ".")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(Json.parse(cached.body()).get("user").get("bio").asString()).isEqualTo(bio);
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void staleChunksAreExpiredWhenTheCacheShrinks(CookieCacheStrategy strategy) {
        try (TestPostern auth = startWithBio(CookieCacheSettings.enabled(strategy))) {
            TestClient client = auth.client();
            client.postJson("/test/sign-in", Map.of("email", "ada@example.com", "bio", TWO_CHUNK_BIO));
            long chunks = client.cookies().keySet().stream().filter(n -> n.startsWith(CACHE + ".")).count();
            auth.postern().store().update(CoreSchema.USER, Where.eq("email", "ada@example.com"), Map.of("bio", "short"));

            TestResponse response = client.get("/get-session?disableCookieCache=true");

            assertThat(response.setCookies()).filteredOn(c -> c.startsWith(CACHE + ".")).hasSize((int) chunks)
                    .allSatisfy(c -> assertThat(c).contains("=; Max-Age=0;"));
            assertThat(client.cookies().keySet()).filteredOn(n -> n.startsWith(CACHE)).containsExactly(CACHE);
            assertThat(client.get("/get-session").json().get("user").get("bio").asString()).isEqualTo("short");
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void sensitiveActionsReadTheDatabaseNotTheCache(CookieCacheStrategy strategy) {
        try (TestPostern auth = start(TestDatabase.SQLITE, CookieCacheSettings.enabled(strategy))) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            auth.postern().sessions().revoke(token);

            assertThat(client.get("/get-session").body()).isNotEqualTo("null");
            client.postJson("/revoke-other-sessions", Map.of()).assertError(401, "UNAUTHORIZED");
        }
    }

    @SqliteAndPostgres
    void leftoverCacheCookiesAreExpiredWhenTheCacheIsOff(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");
            client.cookie(CACHE + ".0", "left").cookie(CACHE + ".1", "over");

            TestResponse response = client.get("/get-session");

            assertThat(response.json().get("user").get("email").asString()).isEqualTo("ada@example.com");
            assertThat(response.setCookies()).containsExactly(
                    CACHE + ".0=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                    CACHE + ".1=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
        }
    }

    @ParameterizedTest
    @EnumSource(CookieCacheStrategy.class)
    void signOutExpiresTheCacheAndItsChunksOnce(CookieCacheStrategy strategy) {
        try (TestPostern auth = startWithBio(CookieCacheSettings.enabled(strategy))) {
            TestClient client = auth.client();
            client.postJson("/test/sign-in", Map.of("email", "ada@example.com", "bio", TWO_CHUNK_BIO));

            TestResponse signOut = client.postJson("/sign-out", Map.of());

            assertThat(signOut.setCookies()).allSatisfy(c -> assertThat(c).contains("=; Max-Age=0;"));
            assertThat(signOut.setCookies().stream().map(c -> c.substring(0, c.indexOf('='))))
                    .doesNotHaveDuplicates()
                    .containsExactly("better-auth.session_token", CACHE, CACHE + ".0", CACHE + ".1", "better-auth.dont_remember");
            assertThat(client.cookies()).isEmpty();
        }
    }

    private static CookieCacheCodec codec(CookieCacheStrategy strategy) {
        return CookieCacheCodec.of(strategy, Secret.of(TestPostern.SECRET), Clock.systemUTC());
    }

    private static TestPostern start(TestDatabase database, CookieCacheSettings cache) {
        return TestPostern.builder().database(database).plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b.session(SessionSettings.builder().cookieCache(cache).build()))
                .start();
    }

    private static TestPostern start(TestDatabase database, CookieCacheSettings cache, MutableClock clock) {
        return TestPostern.builder().database(database).plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b.clock(clock).session(SessionSettings.builder().cookieCache(cache).build()))
                .start();
    }

    private static TestPostern startWithBio(CookieCacheSettings cache) {
        return TestPostern.builder().plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b.session(SessionSettings.builder().cookieCache(cache).build())
                        .additionalField(CoreSchema.USER, Field.of("bio", FieldType.STRING).optional().build()))
                .start();
    }
}
