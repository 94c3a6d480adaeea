package dev.postern.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.access.AdminAccess;
import dev.postern.plugin.access.Role;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Bans, other users' sessions, impersonation and permission checks of the admin plugin. */
class AdminSessionsTest {
    private static final String SESSION_COOKIE = "better-auth.session_token";
    private static final String ADMIN_COOKIE = "better-auth.admin_session";

    @SqliteAndPostgres
    void banRevokesSessionsAndBlocksSignInUntilUnbanned(TestDatabase database) {
        try (TestPostern auth = AdminFixture.start(database, AdminOptions.builder().bannedUserMessage("Go away"))) {
            TestClient admin = AdminFixture.signedUp(auth, AdminFixture.ADMIN_EMAIL);
            TestClient ada = AdminFixture.signedUp(auth, "ada@example.com");
            String id = AdminFixture.id(ada);

            JsonNode banned = admin.postJson("/admin/ban-user", Map.of("userId", id, "banReason", "spam"))
                    .assertStatus(200).json().get("user");

            assertThat(banned.get("banned").asBoolean()).isTrue();
            assertThat(banned.get("banReason").asString()).isEqualTo("spam");
            assertThat(banned.get("banExpires").isNull()).isTrue();
            assertThat(ada.get("/get-session").body()).isEqualTo("null");
            TestResponse refused = Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD);
            refused.assertError(403, "BANNED_USER");
            assertThat(refused.json().get("message").asString()).isEqualTo("Go away");
            admin.postJson("/admin/ban-user", Map.of("userId", AdminFixture.id(admin)))
                    .assertError(400, "YOU_CANNOT_BAN_YOURSELF");
            admin.postJson("/admin/ban-user", Map.of("userId", "missing")).assertError(404, "USER_NOT_FOUND");

            JsonNode unbanned = admin.postJson("/admin/unban-user", Map.of("userId", id)).assertStatus(200).json().get("user");
            assertThat(unbanned.get("banned").asBoolean()).isFalse();
            assertThat(unbanned.get("banReason").isNull()).isTrue();
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void banBlocksSignInWhenSessionsLiveOnlyInSecondaryStorage(TestDatabase database) {
        try (TestPostern auth = AdminFixture.startWithSecondaryStorage(database)) {
            TestClient admin = AdminFixture.signedUp(auth, AdminFixture.ADMIN_EMAIL);
            TestClient ada = AdminFixture.signedUp(auth, "ada@example.com");
            String id = AdminFixture.id(ada);
            assertThat(auth.postern().store().count("session", dev.postern.store.Where.all())).isZero();

            admin.postJson("/admin/ban-user", Map.of("userId", id)).assertStatus(200);

            assertThat(ada.get("/get-session").body()).isEqualTo("null");
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertError(403, "BANNED_USER");
            admin.postJson("/admin/unban-user", Map.of("userId", id)).assertStatus(200);
            TestClient adaAgain = auth.client();
            Users.signIn(adaAgain, "ada@example.com", Users.PASSWORD).assertStatus(200);

            // Impersonation keeps impersonatedBy and the one-hour expiry in secondary storage too.
            admin.postJson("/admin/impersonate-user", Map.of("userId", id)).assertStatus(200);
            JsonNode impersonated = admin.get("/get-session").json().get("session");
            assertThat(impersonated.get("impersonatedBy").asString())
                    .isEqualTo(auth.postern().users().findByEmail(AdminFixture.ADMIN_EMAIL).orElseThrow().id());
            assertThat(adaAgain.get("/list-sessions").json()).hasSize(1);
            admin.postJson("/admin/stop-impersonating", Map.of()).assertStatus(200);
            assertThat(admin.get("/get-session").json().get("user").get("email").asString()).isEqualTo(AdminFixture.ADMIN_EMAIL);
        }
    }

    @SqliteAndPostgres
    void banExpiresAtBanExpires(TestDatabase database) throws InterruptedException {
        try (TestPostern auth = AdminFixture.start(database, AdminOptions.builder().defaultBanReason("rules"))) {
            TestClient admin = AdminFixture.signedUp(auth, AdminFixture.ADMIN_EMAIL);
            String id = AdminFixture.id(AdminFixture.signedUp(auth, "ada@example.com"));

            JsonNode banned = admin.postJson("/admin/ban-user", Map.of("userId", id, "banExpiresIn", 1))
                    .assertStatus(200).json().get("user");
            assertThat(banned.get("banReason").asString()).isEqualTo("rules");
            assertThat(banned.get("banExpires").isString()).isTrue();
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertError(403, "BANNED_USER");

            Thread.sleep(1_200);

            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
            JsonNode lifted = admin.get("/admin/get-user?id=" + id).json();
            assertThat(lifted.get("banned").asBoolean()).isFalse();
            assertThat(lifted.get("banExpires").isNull()).isTrue();
        }
    }

    @SqliteAndPostgres
    void listAndRevokeAnotherUsersSessions(TestDatabase database) {
        try (TestPostern auth = AdminFixture.start(database)) {
            TestClient admin = AdminFixture.signedUp(auth, AdminFixture.ADMIN_EMAIL);
            TestClient phone = AdminFixture.signedUp(auth, "ada@example.com");
            TestClient laptop = auth.client();
            Users.signIn(laptop, "ada@example.com", Users.PASSWORD).assertStatus(200);
            String id = AdminFixture.id(phone);

            JsonNode sessions = admin.postJson("/admin/list-user-sessions", Map.of("userId", id)).assertStatus(200)
                    .json().get("sessions");
            assertThat(sessions).hasSize(2);
            String phoneToken = phone.get("/get-session").json().get("session").get("token").asString();

            admin.postJson("/admin/revoke-user-session", Map.of("sessionToken", phoneToken)).assertStatus(200);
            assertThat(phone.get("/get-session").body()).isEqualTo("null");
            assertThat(laptop.get("/get-session").json().get("user").get("id").asString()).isEqualTo(id);

            assertThat(admin.postJson("/admin/revoke-user-sessions", Map.of("userId", id)).assertStatus(200)
                    .json().get("success").asBoolean()).isTrue();
            assertThat(laptop.get("/get-session").body()).isEqualTo("null");
            assertThat(admin.postJson("/admin/list-user-sessions", Map.of("userId", id)).json().get("sessions")).isEmpty();
        }
    }

    @SqliteAndPostgres
    void impersonationRoundTripRestoresTheAdminSession(TestDatabase database) {
        try (TestPostern auth = AdminFixture.start(database)) {
            TestClient admin = AdminFixture.signedUp(auth, AdminFixture.ADMIN_EMAIL);
            String adminId = AdminFixture.id(admin);
            String adminCookie = admin.cookie(SESSION_COOKIE);
            TestClient ada = AdminFixture.signedUp(auth, "ada@example.com");
            String adaId = AdminFixture.id(ada);

            JsonNode started = admin.postJson("/admin/impersonate-user", Map.of("userId", adaId)).assertStatus(200).json();

            assertThat(started.get("user").get("id").asString()).isEqualTo(adaId);
            assertThat(started.get("session").get("impersonatedBy").asString()).isEqualTo(adminId);
            JsonNode current = admin.get("/get-session").json();
            assertThat(current.get("user").get("id").asString()).isEqualTo(adaId);
            Duration lifetime = Duration.between(java.time.Instant.parse(current.get("session").get("createdAt").asString()),
                    java.time.Instant.parse(current.get("session").get("expiresAt").asString()));
            assertThat(lifetime).isEqualTo(Duration.ofHours(1));
            assertThat(admin.cookie(ADMIN_COOKIE)).isNotEmpty();
            assertThat(admin.cookie("better-auth.dont_remember")).isNotEmpty();
            // Ada does not see the impersonation session among her own; the impersonator acts as Ada.
            admin.get("/admin/list-users").assertError(403, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS");
            JsonNode adasSessions = ada.get("/list-sessions").assertStatus(200).json();
            assertThat(adasSessions).hasSize(1);

            JsonNode stopped = admin.postJson("/admin/stop-impersonating", Map.of()).assertStatus(200).json();

            assertThat(stopped.get("user").get("id").asString()).isEqualTo(adminId);
            assertThat(admin.cookie(SESSION_COOKIE)).isEqualTo(adminCookie);
            assertThat(admin.get("/get-session").json().get("user").get("id").asString()).isEqualTo(adminId);
            assertThat(admin.postJson("/admin/list-user-sessions", Map.of("userId", adaId)).json().get("sessions")).hasSize(1);
            admin.postJson("/admin/stop-impersonating", Map.of()).assertStatus(400);
        }
    }

    @SqliteAndPostgres
    void anAdminOfTheDefaultRoleCannotImpersonateAnotherAdmin(TestDatabase database) {
        try (TestPostern auth = AdminFixture.start(database)) {
            TestClient admin = AdminFixture.signedUp(auth, AdminFixture.ADMIN_EMAIL);
            TestClient other = AdminFixture.signedUp(auth, "second@example.com");
            String otherId = AdminFixture.id(other);
            admin.postJson("/admin/set-role", Map.of("userId", otherId, "role", "admin")).assertStatus(200);

            admin.postJson("/admin/impersonate-user", Map.of("userId", otherId)).assertError(403, "YOU_CANNOT_IMPERSONATE_ADMINS");
            admin.postJson("/admin/impersonate-user", Map.of("userId", "missing")).assertError(404, "USER_NOT_FOUND");
            assertThat(admin.get("/get-session").json().get("user").get("email").asString()).isEqualTo(AdminFixture.ADMIN_EMAIL);
        }
    }

    @SqliteAndPostgres
    void customRolesGrantWhatTheyListAndHasPermissionAnswersForThem(TestDatabase database) {
        Role support = AdminAccess.STATEMENTS.newRole(Map.of("user", List.of("list", "get"), "session", List.of("list")));
        Role editor = AdminAccess.STATEMENTS.newRole(Map.of("user", List.of("update")));
        AdminOptions.Builder options = AdminOptions.builder()
                .roles(Map.of("admin", AdminAccess.ADMIN, "user", AdminAccess.USER, "support", support, "editor", editor));
        try (TestPostern auth = AdminFixture.start(database, options)) {
            TestClient admin = AdminFixture.signedUp(auth, AdminFixture.ADMIN_EMAIL);
            TestClient helper = AdminFixture.signedUp(auth, "helper@example.com");
            String helperId = AdminFixture.id(helper);
            admin.postJson("/admin/set-role", Map.of("userId", helperId, "role", "auditor"))
                    .assertError(400, "YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE");
            admin.postJson("/admin/set-role", Map.of("userId", helperId, "role", "support")).assertStatus(200);

            helper.get("/admin/list-users").assertStatus(200);
            helper.postJson("/admin/ban-user", Map.of("userId", AdminFixture.id(admin)))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS");
            JsonNode may = helper.postJson("/admin/has-permission", Map.of("permissions", Map.of("user", List.of("list"))))
                    .assertStatus(200).json();
            assertThat(may.get("success").asBoolean()).isTrue();
            assertThat(may.get("error").isNull()).isTrue();
            assertThat(helper.postJson("/admin/has-permission", Map.of("permissions", Map.of("user", List.of("list", "ban"))))
                    .json().get("success").asBoolean()).isFalse();
            helper.postJson("/admin/has-permission", Map.of("permission", Map.of("user", List.of("list"))))
                    .assertStatus(400);
            auth.client().postJson("/admin/has-permission", Map.of("permissions", Map.of("user", List.of("list"))))
                    .assertStatus(401);

            // update-user checks each sensitive field against its own permission.
            admin.postJson("/admin/set-role", Map.of("userId", helperId, "role", "editor")).assertStatus(200);
            String adminId = AdminFixture.id(admin);
            helper.postJson("/admin/update-user", Map.of("userId", adminId, "data", Map.of("name", "Renamed")))
                    .assertStatus(200);
            helper.postJson("/admin/update-user", Map.of("userId", adminId, "data", Map.of("email", "x@example.com")))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL");
            helper.postJson("/admin/update-user", Map.of("userId", adminId, "data", Map.of("role", "user")))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE");
            helper.postJson("/admin/update-user", Map.of("userId", adminId, "data", Map.of("banned", true)))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS");
            assertThat(admin.get("/get-session").json().get("user").get("role").asString()).isEqualTo("admin");
        }
    }
}
