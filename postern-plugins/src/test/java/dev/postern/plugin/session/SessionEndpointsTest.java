package dev.postern.plugin.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.session.SessionSettings;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * list-sessions, revoke-session(s), revoke-other-sessions and sign-out (wire reference §4 rows 3, 5-8,
 * §5.4): each one's success, its guard, and that a revocation holds on the very next request.
 */
class SessionEndpointsTest {

    @SqliteAndPostgres
    void listSessionsShowsTheUsersActiveSessionsWithTokens(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = GetSessionTest.start(database, clock, s -> s.freshAge(Duration.ZERO))) {
            TestClient laptop = auth.client();
            TestClient phone = auth.client();
            TestClient expiring = auth.client();
            TestClient stranger = auth.client();
            String laptopToken = TestSignIn.signIn(laptop, "ada@example.com");
            String expiringToken = TestSignIn.signIn(expiring, "ada@example.com", false);
            clock.advance(Duration.ofDays(2));
            String phoneToken = TestSignIn.signIn(phone, "ada@example.com");
            TestSignIn.signIn(stranger, "bob@example.com");

            JsonNode list = laptop.get("/list-sessions").assertStatus(200).json();

            assertThat(list.valueStream().map(s -> s.get("token").asString()))
                    .containsExactlyInAnyOrder(laptopToken, phoneToken)
                    .doesNotContain(expiringToken);
            assertThat(list.get(0).propertyNames()).containsExactlyInAnyOrder(
                    "id", "expiresAt", "token", "createdAt", "updatedAt", "ipAddress", "userAgent", "userId");
        }
    }

    @SqliteAndPostgres
    void listSessionsNeedsAFreshSession(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = GetSessionTest.start(database, clock)) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");

            clock.advance(Duration.ofHours(23));
            client.get("/list-sessions").assertStatus(200);
            clock.advance(Duration.ofHours(1));
            client.get("/list-sessions").assertError(403, "SESSION_NOT_FRESH");
        }
    }

    @SqliteAndPostgres
    void sessionEndpointsRefuseAnonymousCallers(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient anonymous = auth.client();

            TestResponse list = anonymous.get("/list-sessions");
            assertThat(list.body()).isEqualTo("{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
            list.assertError(401, "UNAUTHORIZED");
            anonymous.postJson("/revoke-session", Map.of("token", "x")).assertError(401, "UNAUTHORIZED");
            anonymous.postJson("/revoke-sessions", Map.of()).assertError(401, "UNAUTHORIZED");
            anonymous.postJson("/revoke-other-sessions", Map.of()).assertError(401, "UNAUTHORIZED");
            anonymous.postJson("/update-session", Map.of("x", 1)).assertError(401, "UNAUTHORIZED");
        }
    }

    @SqliteAndPostgres
    void revokeSessionEndsAnotherOfTheUsersSessionsOnItsNextRequest(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient laptop = auth.client();
            TestClient phone = auth.client();
            TestSignIn.signIn(laptop, "ada@example.com");
            String phoneToken = TestSignIn.signIn(phone, "ada@example.com");

            TestResponse revoked = laptop.postJson("/revoke-session", Map.of("token", phoneToken)).assertStatus(200);

            assertThat(revoked.body()).isEqualTo("{\"status\":true}");
            assertThat(revoked.setCookies()).as("the caller's own cookies stay").isEmpty();
            assertThat(phone.get("/get-session").body()).isEqualTo("null");
            assertThat(laptop.get("/get-session").body()).isNotEqualTo("null");
        }
    }

    @SqliteAndPostgres
    void revokeSessionOfAnotherUserAnswersTrueButDeletesNothing(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient mallory = auth.client();
            TestClient ada = auth.client();
            TestSignIn.signIn(mallory, "mallory@example.com");
            String adaToken = TestSignIn.signIn(ada, "ada@example.com");

            mallory.postJson("/revoke-session", Map.of("token", adaToken)).assertStatus(200);
            mallory.postJson("/revoke-session", Map.of("token", "no-such-token")).assertStatus(200);

            assertThat(ada.get("/get-session").json().get("session").get("token").asString()).isEqualTo(adaToken);
        }
    }

    @SqliteAndPostgres
    void revokingTheCurrentSessionExpiresItsCookies(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");

            TestResponse response = client.postJson("/revoke-session", Map.of("token", token)).assertStatus(200);

            assertThat(response.setCookies()).hasSize(3).allMatch(c -> c.contains("=; Max-Age=0;"));
            assertThat(TestSignIn.sessionRows(auth)).isZero();
        }
    }

    @SqliteAndPostgres
    void revokeSessionRequiresAToken(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");

            TestResponse response = client.postJson("/revoke-session", Map.of()).assertStatus(400);

            assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
            assertThat(response.json().get("message").asString())
                    .isEqualTo("[body.token] Invalid input: expected string, received undefined");
        }
    }

    @SqliteAndPostgres
    void revokeSessionsEndsEverySessionOfTheUserAndItsCookies(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient laptop = auth.client();
            TestClient phone = auth.client();
            TestClient stranger = auth.client();
            TestSignIn.signIn(laptop, "ada@example.com");
            TestSignIn.signIn(phone, "ada@example.com");
            TestSignIn.signIn(stranger, "bob@example.com");

            TestResponse response = laptop.postJson("/revoke-sessions", Map.of()).assertStatus(200);

            assertThat(response.body()).isEqualTo("{\"status\":true}");
            assertThat(response.setCookies()).hasSize(3).allMatch(c -> c.contains("=; Max-Age=0;"));
            assertThat(phone.get("/get-session").body()).isEqualTo("null");
            assertThat(stranger.get("/get-session").body()).isNotEqualTo("null");
            assertThat(TestSignIn.sessionRows(auth)).isOne();
        }
    }

    @SqliteAndPostgres
    void revokeOtherSessionsKeepsOnlyTheCurrentOne(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient laptop = auth.client();
            TestClient phone = auth.client();
            TestClient tablet = auth.client();
            String laptopToken = TestSignIn.signIn(laptop, "ada@example.com");
            TestSignIn.signIn(phone, "ada@example.com");
            TestSignIn.signIn(tablet, "ada@example.com");

            TestResponse response = laptop.postJson("/revoke-other-sessions", Map.of()).assertStatus(200);

            assertThat(response.body()).isEqualTo("{\"status\":true}");
            assertThat(response.setCookies()).isEmpty();
            assertThat(phone.get("/get-session").body()).isEqualTo("null");
            assertThat(tablet.get("/get-session").body()).isEqualTo("null");
            assertThat(laptop.get("/get-session").json().get("session").get("token").asString()).isEqualTo(laptopToken);
        }
    }

    @SqliteAndPostgres
    void signOutDeletesTheSessionAndExpiresEveryCookie(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");
            String cookie = client.cookie("better-auth.session_token");

            TestResponse response = client.postJson("/sign-out", Map.of()).assertStatus(200);

            assertThat(response.body()).isEqualTo("{\"success\":true}");
            // The probed better-auth sign-out (wire reference Appendix A).
            assertThat(response.setCookies()).containsExactly(
                    "better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                    "better-auth.session_data=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
                    "better-auth.dont_remember=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
            assertThat(TestSignIn.sessionRows(auth)).isZero();
            assertThat(client.cookie("better-auth.session_token", cookie).get("/get-session").body()).isEqualTo("null");
        }
    }

    @SqliteAndPostgres
    void signOutWithoutASessionStillSucceeds(TestDatabase database) {
        try (TestPostern auth = TestSignIn.start(database)) {
            TestClient client = auth.client();

            TestResponse withoutBody = client.post("/sign-out", null, "").assertStatus(200);

            assertThat(withoutBody.body()).isEqualTo("{\"success\":true}");
            assertThat(withoutBody.setCookies()).hasSize(3);
        }
    }

    @SqliteAndPostgres
    void updateSessionSetsAdditionalFieldsAndReissuesTheCache(TestDatabase database) {
        try (TestPostern auth = startWithSessionFields(database)) {
            TestClient client = auth.client();
            String token = TestSignIn.signIn(client, "ada@example.com");

            TestResponse response = client.postJson("/update-session",
                    Map.of("activeTeam", "blue", "seats", 3, "token", "ignored")).assertStatus(200);
            JsonNode session = response.json().get("session");

            assertThat(response.json().propertyNames()).containsExactly("session");
            assertThat(session.get("activeTeam").asString()).isEqualTo("blue");
            assertThat(session.get("seats").asLong()).isEqualTo(3);
            assertThat(session.get("token").asString()).isEqualTo(token);
            assertThat(response.setCookies()).extracting(c -> c.substring(0, c.indexOf('=')))
                    .containsExactly("better-auth.session_token", "better-auth.session_data");
            auth.postern().sessions().revoke(token);
            assertThat(client.get("/get-session").json().get("session").get("activeTeam").asString())
                    .as("served from the re-issued cache").isEqualTo("blue");
        }
    }

    @SqliteAndPostgres
    void updateSessionRefusesFieldsClientsMayNotSet(TestDatabase database) {
        try (TestPostern auth = startWithSessionFields(database)) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");

            TestResponse role = client.postJson("/update-session", Map.of("role", "admin")).assertError(400, "FIELD_NOT_ALLOWED");
            assertThat(role.json().get("message").asString()).isEqualTo("role is not allowed to be set");
            client.postJson("/update-session", Map.of("role", false, "activeTeam", "red")).assertStatus(200);
            TestResponse seats = client.postJson("/update-session", Map.of("seats", "ten")).assertError(400, "VALIDATION_ERROR");
            assertThat(seats.json().get("message").asString()).isEqualTo("[body.seats] Invalid input: expected number, received string");
        }
    }

    @SqliteAndPostgres
    void updateSessionWithoutAdditionalFieldsHasNothingToUpdate(TestDatabase database) {
        try (TestPostern auth = startWithSessionFields(database)) {
            TestClient client = auth.client();
            TestSignIn.signIn(client, "ada@example.com");

            TestResponse response = client.postJson("/update-session", Map.of("expiresAt", "2099-01-01T00:00:00.000Z", "userId", "x"))
                    .assertStatus(400);

            assertThat(response.body()).isEqualTo("{\"message\":\"No fields to update\"}");
            client.postJson("/update-session", List.of(1)).assertError(400, "VALIDATION_ERROR");
        }
    }

    private static TestPostern startWithSessionFields(TestDatabase database) {
        return TestPostern.builder().database(database).plugins(new SessionPlugin(), new TestSignIn())
                .configure(b -> b
                        .session(SessionSettings.builder()
                                .cookieCache(dev.postern.session.CookieCacheSettings.enabled(
                                        dev.postern.crypto.CookieCacheStrategy.COMPACT))
                                .build())
                        .additionalField(CoreSchema.SESSION, Field.of("activeTeam", FieldType.STRING).optional().build())
                        .additionalField(CoreSchema.SESSION, Field.of("seats", FieldType.NUMBER).optional().build())
                        .additionalField(CoreSchema.SESSION, Field.of("role", FieldType.STRING).optional().noInput().build()))
                .start();
    }
}
