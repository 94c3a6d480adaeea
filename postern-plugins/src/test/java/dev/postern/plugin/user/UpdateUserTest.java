package dev.postern.plugin.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.store.Row;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.HashMap;
import java.util.Map;

/** {@code POST /update-user} (wire reference §4.1 "/update-user", §7.3 input parsing). */
class UpdateUserTest {

    @SqliteAndPostgres
    void updateUserChangesNameImageAndAdditionalFields(TestDatabase database) {
        try (TestPostern auth = start(database)) {
            TestClient client = auth.client();
            Users.signUp(client, "ada@example.com");

            TestResponse response = client.postJson("/update-user",
                    Map.of("name", "Ada Lovelace", "image", "https://example.com/ada.png", "nickname", "countess"));
            Map<String, Object> clearImage = new HashMap<>();
            clearImage.put("image", null);
            TestResponse cleared = client.postJson("/update-user", clearImage);

            response.assertStatus(200);
            assertThat(response.body()).isEqualTo("{\"status\":true}");
            assertThat(response.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token="));
            cleared.assertStatus(200);
            Row user = auth.postern().users().findByEmail("ada@example.com").orElseThrow();
            assertThat(user.string("name")).isEqualTo("Ada Lovelace");
            assertThat(user.string("nickname")).isEqualTo("countess");
            assertThat(user.string("image")).isNull();
            assertThat(user.instant("updatedAt")).isAfterOrEqualTo(user.instant("createdAt"));
            assertThat(client.get("/get-session").json().get("user").get("name").asString()).isEqualTo("Ada Lovelace");
        }
    }

    @SqliteAndPostgres
    void updateUserRefusesWhatBetterAuthRefuses(TestDatabase database) {
        try (TestPostern auth = start(database)) {
            TestClient client = auth.client();
            client.postJson("/update-user", Map.of("name", "Eve")).assertError(401, "UNAUTHORIZED");
            Users.signUp(client, "ada@example.com");

            client.postJson("/update-user", Map.of("email", "eve@example.com")).assertError(400, "EMAIL_CAN_NOT_BE_UPDATED");
            TestResponse nothing = client.postJson("/update-user", Map.of("unknown", "ignored"));
            TestResponse locked = client.postJson("/update-user", Map.of("role", "admin"));
            client.postJson("/update-user", Map.of("name", 42)).assertError(400, "VALIDATION_ERROR");
            TestResponse tooLongForMysql = client.postJson("/update-user", Map.of("name", "x".repeat(300)));
            if (tooLongForMysql.status() != 200) {
                tooLongForMysql.assertError(422, "FAILED_TO_UPDATE_USER");
            }

            nothing.assertStatus(400);
            assertThat(nothing.body()).isEqualTo("{\"message\":\"No fields to update\"}");
            locked.assertError(400, "FIELD_NOT_ALLOWED");
            assertThat(locked.json().get("message").asString()).isEqualTo("role is not allowed to be set");
            client.postJson("/update-user", Map.of("role", "")).assertStatus(400);
            assertThat(auth.postern().users().findByEmail("ada@example.com").orElseThrow().string("role")).isEqualTo("user");
        }
    }

    private static TestPostern start(TestDatabase database) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(), new UserPlugin(), new SessionPlugin())
                .configure(b -> b
                        .additionalField("user", Field.of("nickname", FieldType.STRING).optional().build())
                        .additionalField("user", Field.of("role", FieldType.STRING).defaultValue("user").noInput().build()))
                .start();
    }
}
