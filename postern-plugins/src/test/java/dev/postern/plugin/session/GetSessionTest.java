package dev.postern.plugin.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.store.Row;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code GET /get-session} against a real database: who is signed in, and expiry (wire reference §4.1). */
class GetSessionTest {

    @SqliteAndPostgres
    void withoutCookieAnswersNullAndForbidsCaching(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestResponse response = auth.client().get("/get-session").assertStatus(200);

            assertThat(response.body()).isEqualTo("null");
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(response.header("Pragma")).contains("no-cache");
            assertThat(response.setCookies()).isEmpty();
        }
    }

    @SqliteAndPostgres
    void signedCookieAnswersSessionAndUserWithoutHiddenFields(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");

            TestResponse response = client.get("/get-session").assertStatus(200);
            JsonNode session = response.json().get("session");
            JsonNode user = response.json().get("user");

            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(session.propertyNames()).containsExactlyInAnyOrder(
                    "id", "expiresAt", "token", "createdAt", "updatedAt", "ipAddress", "userAgent", "userId");
            assertThat(session.get("token").asString()).isEqualTo(token);
            assertThat(session.get("ipAddress").asString()).isEqualTo("127.0.0.1");
            assertThat(session.get("userId").asString()).isEqualTo(user.get("id").asString());
            assertThat(session.get("expiresAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(user.propertyNames()).containsExactlyInAnyOrder(
                    "id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt");
            assertThat(user.get("email").asString()).isEqualTo("ada@example.com");
            assertThat(response.setCookies()).as("a fresh session is not extended").isEmpty();
        }
    }

    @SqliteAndPostgres
    void forwardedForNamesTheClientAddressOfNewSessions(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            TestResponse signIn = client.send(client.builder("/test/sign-in")
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "203.0.113.7") // a list needs trusted proxies (docs/security.md)
                    .header("User-Agent", "Postern-Test/1.0")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"ada@example.com\"}")));
            Row row = TestSignIn.sessionRow(auth, signIn.json().get("token").asString());

            assertThat(row.string("ipAddress")).isEqualTo("203.0.113.7");
            assertThat(row.string("userAgent")).isEqualTo("Postern-Test/1.0");
        }
    }

    @SqliteAndPostgres
    void tamperedTokenCookieIsNoSessionAndLeavesCookiesAlone(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            String cookie = client.cookie("better-auth.session_token");
            String otherToken = (token.charAt(0) == 'a' ? 'b' : 'a') + token.substring(1);
            client.cookie("better-auth.session_token", otherToken + cookie.substring(token.length()));

            TestResponse response = client.get("/get-session").assertStatus(200);

            assertThat(response.body()).isEqualTo("null");
            assertThat(response.setCookies()).isEmpty();
        }
    }

    @SqliteAndPostgres
    void unsignedTokenCookieIsNoSession(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            client.cookie("better-auth.session_token", token);

            assertThat(client.get("/get-session").body()).isEqualTo("null");
        }
    }

    @SqliteAndPostgres
    void deletedSessionAnswersNullAndExpiresTheCookies(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            auth.postern().sessions().revoke(token);

            TestResponse response = client.get("/get-session").assertStatus(200);

            assertThat(response.body()).isEqualTo("null");
            assertThat(response.setCookies()).containsExactly(
                    "better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                    "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                    "better-auth.dont_remember=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
            assertThat(client.cookies()).isEmpty();
        }
    }

    @SqliteAndPostgres
    void expiredSessionIsDeletedWithItsCookies(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock)) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");
            clock.advance(Duration.ofDays(7).plusSeconds(1));

            TestResponse response = client.get("/get-session").assertStatus(200);

            assertThat(response.body()).isEqualTo("null");
            assertThat(response.setCookies()).hasSize(3).allMatch(c -> c.contains("; Max-Age=0;"));
            assertThat(TestSignIn.sessionRows(auth)).isZero();
        }
    }

    @SqliteAndPostgres
    void sessionIsExtendedOnceUpdateAgeHasPassedSinceTheLastExtension(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            Row created = TestSignIn.sessionRow(auth, token);

            clock.advance(Duration.ofHours(23).plusMinutes(59));
            TestResponse early = client.get("/get-session");
            assertThat(early.setCookies()).isEmpty();
            assertThat(TestSignIn.sessionRow(auth, token).instant("expiresAt")).isEqualTo(created.instant("expiresAt"));

            clock.advance(Duration.ofMinutes(1));
            TestResponse due = client.get("/get-session");
            Row extended = TestSignIn.sessionRow(auth, token);

            assertThat(extended.instant("expiresAt")).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
            assertThat(extended.instant("updatedAt")).isEqualTo(clock.instant());
            assertThat(due.json().get("session").get("expiresAt").asString())
                    .isEqualTo(dev.postern.json.Json.jsDate(clock.instant().plus(Duration.ofDays(7))));
            assertThat(due.setCookies()).containsExactly("better-auth.session_token="
                    + SessionCookieFormatTest.signed(token) + "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax");

            clock.advance(Duration.ofHours(1));
            assertThat(client.get("/get-session").setCookies()).as("not again before another updateAge").isEmpty();
        }
    }

    @SqliteAndPostgres
    void updateAgeZeroExtendsOnEveryRead(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock, s -> s.updateAge(Duration.ZERO))) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");

            clock.advance(Duration.ofSeconds(5));
            client.get("/get-session");
            clock.advance(Duration.ofSeconds(5));
            TestResponse second = client.get("/get-session");

            assertThat(second.setCookies()).hasSize(1);
            assertThat(TestSignIn.sessionRow(auth, token).instant("expiresAt")).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        }
    }

    @SqliteAndPostgres
    void disableRefreshQueryReadsWithoutExtending(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            Row created = TestSignIn.sessionRow(auth, token);
            clock.advance(Duration.ofDays(2));

            TestResponse response = client.get("/get-session?disableRefresh=true");

            assertThat(response.json().get("session").get("token").asString()).isEqualTo(token);
            assertThat(response.setCookies()).isEmpty();
            assertThat(TestSignIn.sessionRow(auth, token).instant("expiresAt")).isEqualTo(created.instant("expiresAt"));
        }
    }

    @SqliteAndPostgres
    void disableRefreshSettingNeverExtends(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock, s -> s.disableRefresh(true))) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            Row created = TestSignIn.sessionRow(auth, token);
            clock.advance(Duration.ofDays(3));

            assertThat(client.get("/get-session").setCookies()).isEmpty();
            assertThat(TestSignIn.sessionRow(auth, token).instant("expiresAt")).isEqualTo(created.instant("expiresAt"));
        }
    }

    @SqliteAndPostgres
    void dontRememberSessionLastsOneDayAndIsNeverExtended(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com", false);
            assertThat(TestSignIn.sessionRow(auth, token).instant("expiresAt")).isEqualTo(clock.instant().plus(Duration.ofDays(1)));

            clock.advance(Duration.ofHours(23));
            TestResponse late = client.get("/get-session");
            assertThat(late.json().get("session").get("token").asString()).isEqualTo(token);
            assertThat(late.setCookies()).isEmpty();

            clock.advance(Duration.ofHours(2));
            assertThat(client.get("/get-session").body()).isEqualTo("null");
        }
    }

    @SqliteAndPostgres
    void deferredRefreshGetReportsNeedsRefreshAndPostExtends(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock, s -> s.deferRefresh(true))) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            Row created = TestSignIn.sessionRow(auth, token);
            assertThat(client.get("/get-session").json().get("needsRefresh").asBoolean()).isFalse();

            clock.advance(Duration.ofDays(1));
            TestResponse get = client.get("/get-session");
            assertThat(get.json().get("needsRefresh").asBoolean()).isTrue();
            assertThat(get.setCookies()).isEmpty();
            assertThat(TestSignIn.sessionRow(auth, token).instant("expiresAt")).isEqualTo(created.instant("expiresAt"));

            TestResponse post = client.postJson("/get-session", Map.of()).assertStatus(200);
            assertThat(post.json().has("needsRefresh")).isFalse();
            assertThat(post.header("Cache-Control")).contains("no-store");
            assertThat(post.setCookies()).hasSize(1);
            assertThat(TestSignIn.sessionRow(auth, token).instant("expiresAt")).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
        }
    }

    @SqliteAndPostgres
    void deferredRefreshGetLeavesAnExpiredSessionForThePostToDelete(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, clock, s -> s.deferRefresh(true))) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");
            String cookie = client.cookie("better-auth.session_token");
            clock.advance(Duration.ofDays(8));

            assertThat(client.get("/get-session").body()).isEqualTo("null");
            assertThat(TestSignIn.sessionRows(auth)).isOne();

            client.cookie("better-auth.session_token", cookie);
            assertThat(client.postJson("/get-session", Map.of()).body()).isEqualTo("null");
            assertThat(TestSignIn.sessionRows(auth)).isZero();
        }
    }

    @SqliteAndPostgres
    void postWithoutDeferredRefreshIsMethodNotAllowed(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");

            client.postJson("/get-session", Map.of())
                    .assertError(405, "METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED");
        }
    }

    @SqliteAndPostgres
    void javaApiReadsTheSessionOfTheCookiesItIsGiven(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");
            dev.postern.http.Headers headers = dev.postern.http.Headers.of(
                    "Cookie", "better-auth.session_token=" + client.cookie("better-auth.session_token"));

            dev.postern.PosternApi.ApiResult result = auth.postern().api().call("getSession",
                    dev.postern.PosternApi.ApiCall.empty().withHeaders(headers));
            dev.postern.PosternApi.ApiResult anonymous = auth.postern().api().call("getSession");

            assertThat(result.json().get("session").get("token").asString()).isEqualTo(token);
            assertThat(anonymous.value()).isNull();
        }
    }

    static TestPostern start(TestDatabase database, MutableClock clock) {
        return start(database, clock, s -> { });
    }

    static TestPostern start(TestDatabase database, MutableClock clock,
                             java.util.function.Consumer<dev.postern.session.SessionSettings.Builder> settings) {
        dev.postern.session.SessionSettings.Builder builder = dev.postern.session.SessionSettings.builder();
        settings.accept(builder);
        return TestPostern.builder().database(database).plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b.clock(clock).session(builder.build()))
                .start();
    }
}
