package dev.postern.plugin.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.store.Row;
import dev.postern.testkit.MutableClock;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code GET /list-accounts} and {@code POST /unlink-account} (wire reference §4 rows 25-26, §7.3). */
class AccountsTest {

    @SqliteAndPostgres
    void listAccountsShowsSignInMethodsWithoutSecrets(TestDatabase database) {
        try (TestPostern auth = start(database, UserOptions.defaults(), new MutableClock())) {
            TestClient client = auth.client();
            client.get("/list-accounts").assertError(401, "UNAUTHORIZED");
            String userId = Users.signUp(client, "ada@example.com").json().get("user").get("id").asString();
            linkGithub(auth, userId);

            TestResponse response = client.get("/list-accounts");

            response.assertStatus(200);
            JsonNode accounts = response.json();
            assertThat(accounts).hasSize(2);
            JsonNode credential = find(accounts, "credential");
            assertThat(credential.propertyNames()).containsExactlyInAnyOrder(
                    "id", "accountId", "providerId", "userId", "createdAt", "updatedAt", "scopes");
            assertThat(credential.get("accountId").asString()).isEqualTo(userId);
            assertThat(credential.get("scopes")).isEmpty();
            JsonNode github = find(accounts, "github");
            assertThat(github.get("scopes").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("read:user", "user:email");
            assertThat(github.has("accessToken")).isFalse();
            assertThat(github.has("password")).isFalse();
        }
    }

    @SqliteAndPostgres
    void unlinkRemovesAnAccountButNeverTheLastOne(TestDatabase database) {
        try (TestPostern auth = start(database, UserOptions.defaults(), new MutableClock())) {
            TestClient client = auth.client();
            String userId = Users.signUp(client, "ada@example.com").json().get("user").get("id").asString();
            String credentialId = auth.postern().accounts().credentialOf(userId).orElseThrow().id();

            client.postJson("/unlink-account", Map.of("accountId", credentialId)).assertError(400, "FAILED_TO_UNLINK_LAST_ACCOUNT");
            Row github = linkGithub(auth, userId);
            client.postJson("/unlink-account", Map.of("accountId", "someone-elses")).assertError(400, "ACCOUNT_NOT_FOUND");
            TestResponse unlinked = client.postJson("/unlink-account", Map.of("accountId", github.id()));

            unlinked.assertStatus(200);
            assertThat(unlinked.body()).isEqualTo("{\"status\":true}");
            assertThat(auth.postern().accounts().listFor(userId)).extracting(Row::id).containsExactly(credentialId);
        }
    }

    @SqliteAndPostgres
    void unlinkNeedsAFreshSessionAndMayRemoveTheLastWhenAllowed(TestDatabase database) {
        MutableClock clock = new MutableClock();
        try (TestPostern auth = start(database, UserOptions.defaults().withAllowUnlinkingAll(true), clock)) {
            TestClient client = auth.client();
            String userId = Users.signUp(client, "ada@example.com").json().get("user").get("id").asString();
            String credentialId = auth.postern().accounts().credentialOf(userId).orElseThrow().id();
            clock.advance(Duration.ofDays(2));

            client.postJson("/unlink-account", Map.of("accountId", credentialId)).assertError(403, "SESSION_NOT_FRESH");
            Users.signIn(client, "ada@example.com", Users.PASSWORD).assertStatus(200);
            client.postJson("/unlink-account", Map.of("accountId", credentialId)).assertStatus(200);

            assertThat(auth.postern().accounts().listFor(userId)).isEmpty();
        }
    }

    private static Row linkGithub(TestPostern auth, String userId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", userId);
        data.put("providerId", "github");
        data.put("accountId", "1234567");
        data.put("accessToken", "gho_secret");
        data.put("scope", "read:user,user:email");
        return auth.postern().accounts().create(data);
    }

    private static JsonNode find(JsonNode accounts, String providerId) {
        for (JsonNode account : accounts) {
            if (account.get("providerId").asString().equals(providerId)) {
                return account;
            }
        }
        throw new AssertionError("No " + providerId + " account in " + accounts);
    }

    private static TestPostern start(TestDatabase database, UserOptions options, MutableClock clock) {
        return TestPostern.builder().database(database)
                .plugins(new EmailPasswordPlugin(), new UserPlugin(options))
                .configure(b -> b.clock(clock))
                .start();
    }
}
