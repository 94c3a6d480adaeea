package dev.postern.plugin.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.support.Users;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The admin plugin's user endpoints (wire reference §12 "admin"), with better-auth's refusals. */
class AdminUsersTest {

    @SqliteAndPostgres
    void bootstrapEmailBecomesAdminAndOthersGetTheDefaultRole(TestDatabase database) {
        try (TestPostern auth = AdminFixture.start(database)) {
            TestResponse admin = Users.signUp(auth.client(), AdminFixture.ADMIN_EMAIL);
            TestResponse user = Users.signUp(auth.client(), "ada@example.com");

            assertThat(admin.json().get("user").get("role").asString()).isEqualTo("admin");
            assertThat(user.json().get("user").get("role").asString()).isEqualTo("user");
            assertThat(user.json().get("user").get("banned").asBoolean()).isFalse();
            // role is input:false: nobody makes themselves admin at sign-up.
            auth.client().postJson("/sign-up/email", Map.of("email", "eve@example.com", "password", Users.PASSWORD,
                    "name", "Eve", "role", "admin")).assertError(400, "FIELD_NOT_ALLOWED");
        }
    }

    @SqliteAndPostgres
    void listUsersSearchesFiltersSortsAndPages(TestDatabase database) {
        try (TestPostern auth = AdminFixture.start(database)) {
            TestClient admin = AdminFixture.signedUp(auth, AdminFixture.ADMIN_EMAIL);
            for (String name : List.of("carol", "alice", "bob")) {
                Users.signUp(auth.client(), name + "@corp.example");
            }

            JsonNode all = admin.get("/admin/list-users").assertStatus(200).json();
            assertThat(all.get("total").asInt()).isEqualTo(4);
            assertThat(all.has("limit")).isFalse();

            JsonNode page = admin.get("/admin/list-users?searchValue=corp&searchField=email&sortBy=email"
                    + "&sortDirection=desc&limit=2&offset=1").assertStatus(200).json();
            assertThat(emails(page)).containsExactly("bob@corp.example", "alice@corp.example");
            assertThat(page.get("total").asInt()).isEqualTo(3);
            assertThat(page.get("limit").asInt()).isEqualTo(2);
            assertThat(page.get("offset").asInt()).isEqualTo(1);

            JsonNode admins = admin.get("/admin/list-users?filterField=role&filterValue=admin").json();
            assertThat(emails(admins)).containsExactly(AdminFixture.ADMIN_EMAIL);
            JsonNode startsWith = admin.get("/admin/list-users?searchValue=ca&searchOperator=starts_with").json();
            assertThat(emails(startsWith)).containsExactly("carol@corp.example");
            // An unknown field answers an empty page, as better-auth's catch-all does.
            JsonNode unknown = admin.get("/admin/list-users?filterField=nope&filterValue=x").assertStatus(200).json();
            assertThat(unknown.get("total").asInt()).isZero();

            TestClient user = AdminFixture.signedUp(auth, "dan@example.com");
            user.get("/admin/list-users").assertError(403, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS");
            auth.client().get("/admin/list-users").assertError(401, "UNAUTHORIZED");
        }
    }

    @SqliteAndPostgres
    void createGetUpdateSetRoleSetPasswordAndRemove(TestDatabase database) {
        try (TestPostern auth = AdminFixture.start(database)) {
            TestClient admin = AdminFixture.signedUp(auth, AdminFixture.ADMIN_EMAIL);

            JsonNode created = admin.postJson("/admin/create-user", Map.of("email", "New@Example.com",
                    "password", "first password", "name", "Newton", "data", Map.of("image", "https://img.example/n.png")))
                    .assertStatus(200).json().get("user");
            String id = created.get("id").asString();
            assertThat(created.get("email").asString()).isEqualTo("new@example.com");
            assertThat(created.get("role").asString()).isEqualTo("user");
            assertThat(created.get("image").asString()).isEqualTo("https://img.example/n.png");
            Users.signIn(auth.client(), "new@example.com", "first password").assertStatus(200);
            admin.postJson("/admin/create-user", Map.of("email", "new@example.com", "name", "Again"))
                    .assertError(400, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
            admin.postJson("/admin/create-user", Map.of("email", "not-an-email", "name", "X"))
                    .assertError(400, "INVALID_EMAIL");
            admin.postJson("/admin/create-user", Map.of("email", "typed@example.com", "name", "X", "role", 7))
                    .assertError(400, "INVALID_ROLE_TYPE");

            assertThat(admin.get("/admin/get-user?id=" + id).assertStatus(200).json().get("name").asString()).isEqualTo("Newton");
            admin.get("/admin/get-user?id=missing").assertError(404, "USER_NOT_FOUND");

            JsonNode updated = admin.postJson("/admin/update-user", Map.of("userId", id, "data",
                    Map.of("name", "Newt", "email", "newt@example.com"))).assertStatus(200).json();
            assertThat(updated.get("name").asString()).isEqualTo("Newt");
            assertThat(updated.get("email").asString()).isEqualTo("newt@example.com");
            admin.postJson("/admin/update-user", Map.of("userId", id, "data", Map.of()))
                    .assertError(400, "NO_DATA_TO_UPDATE");
            admin.postJson("/admin/update-user", Map.of("userId", id, "data", Map.of("password", "x")))
                    .assertError(400, "PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER");
            admin.postJson("/admin/update-user", Map.of("userId", id, "data", Map.of("id", "other")))
                    .assertError(400, "USER_ID_CANNOT_BE_UPDATED");
            admin.postJson("/admin/update-user", Map.of("userId", AdminFixture.id(admin), "data", Map.of("banned", true)))
                    .assertError(400, "YOU_CANNOT_BAN_YOURSELF");

            TestClient newt = auth.client();
            Users.signIn(newt, "newt@example.com", "first password").assertStatus(200);
            JsonNode banned = admin.postJson("/admin/update-user", Map.of("userId", id, "data", Map.of("banned", true,
                    "banReason", "by update", "banExpires", "2099-01-02T03:04:05.678Z"))).assertStatus(200).json();
            assertThat(banned.get("banExpires").asString()).isEqualTo("2099-01-02T03:04:05.678Z");
            assertThat(newt.get("/get-session").body()).isEqualTo("null");
            admin.postJson("/admin/update-user", Map.of("userId", id, "data", Map.of("banned", false, "banReason", "",
                    "banExpires", "soon"))).assertError(400, "VALIDATION_ERROR");
            admin.postJson("/admin/unban-user", Map.of("userId", id)).assertStatus(200);

            JsonNode roles = admin.postJson("/admin/set-role", Map.of("userId", id, "role", List.of("user", "admin")))
                    .assertStatus(200).json().get("user");
            assertThat(roles.get("role").asString()).isEqualTo("user,admin");
            admin.postJson("/admin/set-role", Map.of("userId", "missing", "role", "user")).assertError(404, "USER_NOT_FOUND");

            admin.postJson("/admin/set-user-password", Map.of("userId", id, "newPassword", "short"))
                    .assertError(400, "PASSWORD_TOO_SHORT");
            assertThat(admin.postJson("/admin/set-user-password", Map.of("userId", id, "newPassword", "second password"))
                    .assertStatus(200).json().get("status").asBoolean()).isTrue();
            Users.signIn(auth.client(), "newt@example.com", "first password").assertError(401, "INVALID_EMAIL_OR_PASSWORD");
            Users.signIn(auth.client(), "newt@example.com", "second password").assertStatus(200);
            // A user without a password gets a credential account.
            String noPassword = admin.postJson("/admin/create-user", Map.of("email", "np@example.com", "name", "NP"))
                    .json().get("user").get("id").asString();
            admin.postJson("/admin/set-user-password", Map.of("userId", noPassword, "newPassword", "third password"))
                    .assertStatus(200);
            Users.signIn(auth.client(), "np@example.com", "third password").assertStatus(200);

            admin.postJson("/admin/remove-user", Map.of("userId", AdminFixture.id(admin)))
                    .assertError(400, "YOU_CANNOT_REMOVE_YOURSELF");
            assertThat(admin.postJson("/admin/remove-user", Map.of("userId", id)).assertStatus(200)
                    .json().get("success").asBoolean()).isTrue();
            admin.get("/admin/get-user?id=" + id).assertError(404, "USER_NOT_FOUND");
            Users.signIn(auth.client(), "newt@example.com", "second password").assertError(401, "INVALID_EMAIL_OR_PASSWORD");
        }
    }

    @SqliteAndPostgres
    void everyEndpointRefusesANonAdminWithBetterAuthsCode(TestDatabase database) {
        try (TestPostern auth = AdminFixture.start(database)) {
            TestClient user = AdminFixture.signedUp(auth, "ada@example.com");
            String id = AdminFixture.id(user);
            Map<String, Object> byId = Map.of("userId", id);
            user.get("/admin/get-user?id=" + id).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_GET_USER");
            user.postJson("/admin/create-user", Map.of("email", "x@example.com", "name", "X"))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS");
            user.postJson("/admin/update-user", Map.of("userId", id, "data", Map.of("name", "X")))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS");
            user.postJson("/admin/set-role", Map.of("userId", id, "role", "admin"))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE");
            user.postJson("/admin/set-user-password", Map.of("userId", id, "newPassword", "whatever123"))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD");
            user.postJson("/admin/remove-user", byId).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS");
            user.postJson("/admin/ban-user", byId).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS");
            user.postJson("/admin/unban-user", byId).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_BAN_USERS");
            user.postJson("/admin/list-user-sessions", byId).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS");
            user.postJson("/admin/revoke-user-session", Map.of("sessionToken", "t"))
                    .assertError(403, "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS");
            user.postJson("/admin/revoke-user-sessions", byId).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS");
            user.postJson("/admin/impersonate-user", byId).assertError(403, "YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS");
            user.postJson("/admin/stop-impersonating", Map.of()).assertStatus(400);
            List<String> unauthorized = new ArrayList<>();
            for (String path : List.of("/admin/ban-user", "/admin/remove-user", "/admin/set-user-password")) {
                if (auth.client().postJson(path, Map.of("userId", id, "newPassword", "whatever123")).status() == 401) {
                    unauthorized.add(path);
                }
            }
            assertThat(unauthorized).hasSize(3);
        }
    }

    @SqliteAndPostgres
    void adminUserIdsMayDoEverythingWhateverTheirRole(TestDatabase database) {
        try (TestPostern auth = AdminFixture.start(database, AdminOptions.builder().adminUserIds(List.of("ops-user-id")))) {
            auth.postern().users().create(Map.of("id", "ops-user-id", "name", "Ops", "email", "ops@example.com"));
            auth.postern().accounts().createCredential("ops-user-id", UserPlugin.passwords(auth.postern()).hash(Users.PASSWORD));
            TestClient ops = auth.client();
            JsonNode signedIn = Users.signIn(ops, "ops@example.com", Users.PASSWORD).assertStatus(200).json();
            assertThat(signedIn.get("user").get("role").asString()).isEqualTo("user");
            TestClient root = AdminFixture.signedUp(auth, AdminFixture.ADMIN_EMAIL);

            ops.get("/admin/list-users").assertStatus(200);
            // Listed ids count as admins: impersonating one needs impersonate-admins, which no default role
            // has, while a listed id itself holds every permission (impersonate-admins included).
            root.postJson("/admin/impersonate-user", Map.of("userId", "ops-user-id"))
                    .assertError(403, "YOU_CANNOT_IMPERSONATE_ADMINS");
            ops.postJson("/admin/impersonate-user", Map.of("userId", AdminFixture.id(root))).assertStatus(200);
            assertThat(ops.get("/get-session").json().get("user").get("email").asString()).isEqualTo(AdminFixture.ADMIN_EMAIL);
        }
    }

    private static List<String> emails(JsonNode page) {
        List<String> emails = new ArrayList<>();
        page.get("users").forEach(user -> emails.add(user.get("email").asString()));
        return emails;
    }
}
