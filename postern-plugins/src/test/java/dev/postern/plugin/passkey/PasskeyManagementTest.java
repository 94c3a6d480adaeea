package dev.postern.plugin.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** list-user-passkeys, update-passkey and delete-passkey: the owner's passkeys only. */
class PasskeyManagementTest {

    @SqliteAndPostgres
    void ownersListRenameAndDeleteTheirPasskeys(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient ada = Ceremonies.signedIn(auth, "ada@example.com");
            TestClient eve = Ceremonies.signedIn(auth, "eve@example.com");
            SoftAuthenticator adas = new SoftAuthenticator();
            String id = Ceremonies.register(auth, ada, adas, "Laptop").assertStatus(200).json().get("id").asString();
            Ceremonies.register(auth, eve, new SoftAuthenticator(), "Eve's").assertStatus(200);

            JsonNode listed = ada.get("/passkey/list-user-passkeys").assertStatus(200).json();
            assertThat(listed.size()).isEqualTo(1);
            assertThat(listed.get(0).get("id").asString()).isEqualTo(id);
            assertThat(listed.get(0).get("name").asString()).isEqualTo("Laptop");
            assertThat(listed.get(0).get("credentialID").asString()).isEqualTo(adas.credentialIdBase64Url());

            JsonNode renamed = ada.postJson("/passkey/update-passkey", Map.of("id", id, "name", " Work laptop "))
                    .assertStatus(200).json().get("passkey");
            assertThat(renamed.get("id").asString()).isEqualTo(id);
            assertThat(renamed.get("name").asString()).isEqualTo("Work laptop");
            assertThat(Ceremonies.passkeyRow(auth, adas.credentialIdBase64Url()).string("name")).isEqualTo("Work laptop");

            TestResponse deleted = ada.postJson("/passkey/delete-passkey", Map.of("id", id)).assertStatus(200);
            assertThat(deleted.json().get("status").asBoolean()).isTrue();
            assertThat(ada.get("/passkey/list-user-passkeys").json().size()).isZero();
            assertThat(Ceremonies.passkeyRows(auth)).isEqualTo(1);
            Ceremonies.signIn(auth, auth.client(), adas).assertError(401, "PASSKEY_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void someoneElsesPasskeyIsNeitherRenamedNorDeleted(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient ada = Ceremonies.signedIn(auth, "ada@example.com");
            TestClient eve = Ceremonies.signedIn(auth, "eve@example.com");
            SoftAuthenticator adas = new SoftAuthenticator();
            String id = Ceremonies.register(auth, ada, adas, "Laptop").assertStatus(200).json().get("id").asString();

            TestResponse delete = eve.postJson("/passkey/delete-passkey", Map.of("id", id));
            assertThat(delete.status()).isEqualTo(401);
            eve.postJson("/passkey/update-passkey", Map.of("id", id, "name", "mine now"))
                    .assertError(401, "YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY");
            assertThat(eve.get("/passkey/list-user-passkeys").assertStatus(200).json().size()).isZero();

            assertThat(Ceremonies.passkeyRow(auth, adas.credentialIdBase64Url()).string("name")).isEqualTo("Laptop");
            assertThat(Ceremonies.passkeyRows(auth)).isEqualTo(1);
        }
    }

    @SqliteAndPostgres
    void badRequestsGetBetterAuthsAnswers(TestDatabase database) {
        try (TestPostern auth = Ceremonies.start(database)) {
            TestClient ada = Ceremonies.signedIn(auth, "ada@example.com");
            String id = Ceremonies.register(auth, ada, new SoftAuthenticator(), null).assertStatus(200)
                    .json().get("id").asString();

            ada.postJson("/passkey/delete-passkey", Map.of("id", "no-such-passkey")).assertError(404, "PASSKEY_NOT_FOUND");
            ada.postJson("/passkey/update-passkey", Map.of("id", "no-such-passkey", "name", "x"))
                    .assertError(404, "PASSKEY_NOT_FOUND");
            ada.postJson("/passkey/update-passkey", Map.of("id", id, "name", "   ")).assertError(400, "VALIDATION_ERROR");
            ada.postJson("/passkey/update-passkey", Map.of("id", id)).assertError(400, "VALIDATION_ERROR");
            ada.postJson("/passkey/delete-passkey", Map.of()).assertError(400, "VALIDATION_ERROR");
            TestResponse empty = ada.postJson("/passkey/delete-passkey", Map.of("id", ""));
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.json().get("message").asString()).isEqualTo("Missing required parameter: id");

            TestClient signedOut = auth.client();
            signedOut.get("/passkey/list-user-passkeys").assertError(401, "UNAUTHORIZED");
            signedOut.postJson("/passkey/delete-passkey", Map.of("id", id)).assertError(401, "UNAUTHORIZED");
            signedOut.postJson("/passkey/update-passkey", Map.of("id", id, "name", "x")).assertError(401, "UNAUTHORIZED");
            assertThat(Ceremonies.passkeyRows(auth)).isEqualTo(1);
        }
    }
}
