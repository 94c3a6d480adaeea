package dev.postern.plugin.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.plugin.support.Mailbox;
import dev.postern.plugin.support.Users;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Field;
import dev.postern.schema.FieldType;
import dev.postern.store.DatabaseHooks;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code POST /sign-up/email} (wire reference §4.1 "/sign-up/email"). */
class SignUpTest {

    @SqliteAndPostgres
    void signUpStoresUserAndCredentialAccountAndSignsIn(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            TestClient client = auth.client();

            TestResponse response = client.postJson("/sign-up/email",
                    Map.of("email", "Ada@Example.COM", "password", "password123", "name", "Ada"));

            response.assertStatus(200);
            JsonNode user = response.json().get("user");
            assertThat(response.json().get("token").asString()).hasSize(32);
            assertThat(user.get("email").asString()).isEqualTo("ada@example.com");
            assertThat(user.get("name").asString()).isEqualTo("Ada");
            assertThat(user.get("emailVerified").asBoolean()).isFalse();
            assertThat(user.has("image")).isTrue();
            assertThat(user.get("id").asString()).hasSize(32);
            assertThat(response.setCookies()).anySatisfy(c -> assertThat(c)
                    .startsWith("better-auth.session_token=").contains("Max-Age=604800"));
            assertThat(response.header("Cache-Control")).contains("no-store");
            var account = auth.postern().accounts().credentialOf(user.get("id").asString()).orElseThrow();
            assertThat(account.string("providerId")).isEqualTo("credential");
            assertThat(account.string("accountId")).isEqualTo(user.get("id").asString());
            assertThat(account.string("password")).matches("[0-9a-f]{32}:[0-9a-f]{128}");
        }
    }

    @SqliteAndPostgres
    void signUpRejectsBadInputWithBetterAuthsCodes(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            TestClient client = auth.client();
            Users.signUp(client, "taken@example.com");

            client.postJson("/sign-up/email", Map.of("email", "TAKEN@example.com", "password", "password123", "name", "X"))
                    .assertError(422, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
            client.postJson("/sign-up/email", Map.of("email", "b@example.com", "password", "short", "name", "B"))
                    .assertError(400, "PASSWORD_TOO_SHORT");
            client.postJson("/sign-up/email", Map.of("email", "b@example.com", "password", "x".repeat(129), "name", "B"))
                    .assertError(400, "PASSWORD_TOO_LONG");
            TestResponse invalid = client.postJson("/sign-up/email", Map.of("email", "not-an-email", "password", "password123"));
            invalid.assertError(400, "VALIDATION_ERROR");
            assertThat(invalid.json().get("message").asString())
                    .isEqualTo("[body.name] Invalid input: expected string, received undefined; [body.email] Invalid email address");
            client.post("/sign-up/email", "text/plain", "email=b@example.com").assertError(415, "UNSUPPORTED_MEDIA_TYPE");
            client.postJson("/sign-up/email", Map.of("email", "c@example.com", "password", "password123", "name", "C",
                    "callbackURL", "https://evil.example/after")).assertError(403, "INVALID_CALLBACK_URL");
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.all())).isEqualTo(1);
        }
    }

    @SqliteAndPostgres
    void formEncodedSignUpWorksAndRememberMeFalseMakesABrowserSessionCookie(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new EmailPasswordPlugin())) {
            TestResponse form = auth.client().post("/sign-up/email", "application/x-www-form-urlencoded",
                    "email=form%40example.com&password=password123&name=Form+User");
            TestResponse notRemembered = auth.client().postJson("/sign-up/email",
                    Map.of("email", "brief@example.com", "password", "password123", "name", "B", "rememberMe", false));

            form.assertStatus(200);
            assertThat(form.json().get("user").get("name").asString()).isEqualTo("Form User");
            assertThat(notRemembered.setCookies()).anySatisfy(c -> assertThat(c)
                    .startsWith("better-auth.session_token=").doesNotContain("Max-Age"));
            assertThat(notRemembered.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.dont_remember="));
        }
    }

    @SqliteAndPostgres
    void withRequiredVerificationAnExistingAddressGetsTheSameAnswerAsANewOne(TestDatabase database) {
        EmailPasswordPlugin plugin = new EmailPasswordPlugin(EmailPasswordOptions.builder().requireEmailVerification(true).build());
        try (Mailbox mailbox = Mailbox.start();
             TestPostern auth = TestPostern.builder().database(database).plugins(plugin)
                     .configure(b -> b.mailer(mailbox.mailer())).start()) {
            TestResponse first = auth.client().postJson("/sign-up/email",
                    Map.of("email", "ada@example.com", "password", "password123", "name", "Ada"));
            TestResponse again = auth.client().postJson("/sign-up/email",
                    Map.of("email", "ada@example.com", "password", "other-password", "name", "Eve"));

            first.assertStatus(200);
            again.assertStatus(200);
            assertThat(first.json().get("token").isNull()).isTrue();
            assertThat(again.json().get("token").isNull()).isTrue();
            assertThat(first.setCookies()).isEmpty();
            assertThat(again.setCookies()).isEmpty();
            assertThat(fieldNames(again.json().get("user"))).isEqualTo(fieldNames(first.json().get("user")));
            assertThat(again.json().get("user").get("id").asString())
                    .hasSize(32).isNotEqualTo(first.json().get("user").get("id").asString());
            assertThat(again.json().get("user").get("name").asString()).isEqualTo("Eve");
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.all())).isEqualTo(1);
            assertThat(mailbox.count()).isEqualTo(1);
            assertThat(mailbox.lastTo("ada@example.com").link())
                    .startsWith(auth.authUrl() + "/verify-email?token=").endsWith("&callbackURL=%2F");
        }
    }

    @SqliteAndPostgres
    void additionalUserFieldsFollowBetterAuthsInputRules(TestDatabase database) {
        try (TestPostern auth = TestPostern.builder().database(database).plugins(new EmailPasswordPlugin())
                .configure(b -> b
                        .additionalField("user", Field.of("nickname", FieldType.STRING).build())
                        .additionalField("user", Field.of("plan", FieldType.STRING).defaultValue("free").noInput().build())
                        .additionalField("user", Field.of("age", FieldType.NUMBER).optional().build())
                        .additionalField("user", Field.of("secretNote", FieldType.STRING).optional().hidden().build()))
                .start()) {
            TestClient client = auth.client();

            TestResponse missing = client.postJson("/sign-up/email",
                    Map.of("email", "a@example.com", "password", "password123", "name", "A"));
            TestResponse notAllowed = client.postJson("/sign-up/email", Map.of("email", "a@example.com",
                    "password", "password123", "name", "A", "nickname", "ace", "emailVerified", true, "plan", "pro",
                    "age", 36, "secretNote", "hello", "unknownKey", "dropped"));
            TestResponse wrongType = client.postJson("/sign-up/email", Map.of("email", "b@example.com",
                    "password", "password123", "name", "B", "nickname", "bee", "age", "old"));

            missing.assertError(400, "MISSING_FIELD");
            assertThat(missing.json().get("message").asString()).isEqualTo("nickname is required");
            notAllowed.assertStatus(200);
            JsonNode user = notAllowed.json().get("user");
            assertThat(user.get("nickname").asString()).isEqualTo("ace");
            assertThat(user.get("plan").asString()).isEqualTo("free");
            assertThat(user.get("age").asLong()).isEqualTo(36);
            assertThat(user.get("emailVerified").asBoolean()).isFalse();
            assertThat(user.has("secretNote")).isFalse();
            assertThat(user.has("unknownKey")).isFalse();
            assertThat(auth.postern().users().findByEmail("a@example.com").orElseThrow().string("secretNote"))
                    .isEqualTo("hello");
            wrongType.assertError(400, "VALIDATION_ERROR");
            assertThat(wrongType.json().get("message").asString())
                    .isEqualTo("[body.age] Invalid input: expected number, received string");
        }
    }

    @SqliteAndPostgres
    void aFailingAccountHookRollsBackTheUser(TestDatabase database) {
        DatabaseHooks hooks = DatabaseHooks.create().beforeCreate(CoreSchema.ACCOUNT, data -> {
            throw new ApiException(Status.BAD_REQUEST, "ACCOUNTS_CLOSED", "No new accounts today");
        });
        try (TestPostern auth = TestPostern.builder().database(database).plugins(new EmailPasswordPlugin())
                .configure(b -> b.databaseHooks(hooks)).start()) {
            TestResponse response = auth.client().postJson("/sign-up/email",
                    Map.of("email", "ada@example.com", "password", "password123", "name", "Ada"));

            response.assertError(400, "ACCOUNTS_CLOSED");
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.all())).isZero();
            assertThat(auth.postern().store().count(CoreSchema.ACCOUNT, Where.all())).isZero();
        }
    }

    @SqliteAndPostgres
    void signUpCanBeTurnedOffAndAutoSignInSkipped(TestDatabase database) {
        EmailPasswordPlugin closed = new EmailPasswordPlugin(EmailPasswordOptions.builder().disableSignUp(true).build());
        EmailPasswordPlugin noAutoSignIn = new EmailPasswordPlugin(EmailPasswordOptions.builder().autoSignIn(false).build());
        Map<String, Object> body = Map.of("email", "ada@example.com", "password", "password123", "name", "Ada");
        try (TestPostern off = TestPostern.start(database, closed)) {
            off.client().postJson("/sign-up/email", body).assertError(400, "EMAIL_PASSWORD_SIGN_UP_DISABLED");
        }
        try (TestPostern manual = TestPostern.start(database, noAutoSignIn)) {
            TestResponse response = manual.client().postJson("/sign-up/email", body).assertStatus(200);
            assertThat(response.json().get("token").isNull()).isTrue();
            assertThat(response.setCookies()).isEmpty();
            Users.signIn(manual.client(), "ada@example.com", "password123").assertStatus(200);
        }
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().sorted().toList();
    }
}
