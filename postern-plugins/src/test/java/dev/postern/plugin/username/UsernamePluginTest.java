package dev.postern.plugin.username;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.emailpassword.EmailPasswordOptions;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** better-auth's {@code username} plugin (wire reference §12 "username"). */
class UsernamePluginTest {

    static TestPostern start(TestDatabase database, UsernameOptions options) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new UsernamePlugin(options));
        return TestPostern.start(database, plugins.toArray(Plugin[]::new));
    }

    static TestResponse signUp(TestClient client, String email, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("email", email, "password", Users.PASSWORD, "name", "Ada"));
        body.putAll(extra);
        return client.postJson("/sign-up/email", body);
    }

    @SqliteAndPostgres
    void signUpStoresTheUsernameNormalisedAndTheDisplayUsernameAsTyped(TestDatabase database) {
        try (TestPostern auth = start(database, UsernameOptions.defaults())) {
            JsonNode user = signUp(auth.client(), "ada@example.com", Map.of("username", "Ada.Lovelace")).assertStatus(200)
                    .json().get("user");

            assertThat(user.get("username").asString()).isEqualTo("ada.lovelace");
            assertThat(user.get("displayUsername").asString()).isEqualTo("Ada.Lovelace");

            JsonNode onlyDisplay = signUp(auth.client(), "bob@example.com", Map.of("displayUsername", "Bob_B")).assertStatus(200)
                    .json().get("user");
            assertThat(onlyDisplay.get("username").asString()).isEqualTo("bob_b");
            assertThat(onlyDisplay.get("displayUsername").asString()).isEqualTo("Bob_B");
        }
    }

    @SqliteAndPostgres
    void signInWithUsernameStartsASessionAndEveryMismatchIsTheSameAnswer(TestDatabase database) {
        try (TestPostern auth = start(database, UsernameOptions.defaults())) {
            signUp(auth.client(), "ada@example.com", Map.of("username", "ada_l")).assertStatus(200);
            TestClient browser = auth.client();

            TestResponse ok = browser.postJson("/sign-in/username", Map.of("username", "ADA_L", "password", Users.PASSWORD));

            ok.assertStatus(200);
            assertThat(ok.json().get("redirect").asBoolean()).isFalse();
            assertThat(ok.json().get("user").get("username").asString()).isEqualTo("ada_l");
            assertThat(browser.cookie("better-auth.session_token")).startsWith(ok.json().get("token").asString() + ".");
            assertThat(browser.get("/get-session").json().get("user").get("email").asString()).isEqualTo("ada@example.com");

            TestClient other = auth.client();
            TestResponse wrongPassword = other.postJson("/sign-in/username", Map.of("username", "ada_l", "password", "wrong password"));
            TestResponse unknown = other.postJson("/sign-in/username", Map.of("username", "nobody", "password", Users.PASSWORD));
            for (TestResponse response : List.of(wrongPassword, unknown)) {
                response.assertError(401, "INVALID_USERNAME_OR_PASSWORD");
                assertThat(response.json().get("message").asString()).isEqualTo("Invalid username or password");
                assertThat(response.setCookies()).isEmpty();
            }
            other.postJson("/sign-in/username", Map.of("username", "ab", "password", Users.PASSWORD))
                    .assertError(422, "USERNAME_TOO_SHORT");
            other.postJson("/sign-in/username", Map.of("username", "a".repeat(31), "password", Users.PASSWORD))
                    .assertError(422, "USERNAME_TOO_LONG");
            other.postJson("/sign-in/username", Map.of("username", "ada l!", "password", Users.PASSWORD))
                    .assertError(422, "INVALID_USERNAME");
            other.postJson("/sign-in/username", Map.of("username", "", "password", Users.PASSWORD))
                    .assertError(401, "INVALID_USERNAME_OR_PASSWORD");
            other.postJson("/sign-in/username", Map.of("username", "ada_l")).assertError(400, "VALIDATION_ERROR");
        }
    }

    @SqliteAndPostgres
    void availabilityAndUniquenessFollowTheNormalisedUsername(TestDatabase database) {
        try (TestPostern auth = start(database, UsernameOptions.defaults())) {
            TestClient client = auth.client();
            assertThat(client.postJson("/is-username-available", Map.of("username", "Taken_Name")).assertStatus(200)
                    .json().get("available").asBoolean()).isTrue();
            signUp(auth.client(), "ada@example.com", Map.of("username", "taken_name")).assertStatus(200);

            assertThat(client.postJson("/is-username-available", Map.of("username", "TAKEN_NAME"))
                    .json().get("available").asBoolean()).isFalse();
            client.postJson("/is-username-available", Map.of("username", "x")).assertError(422, "USERNAME_TOO_SHORT");
            client.postJson("/is-username-available", Map.of("username", "")).assertError(422, "INVALID_USERNAME");

            TestResponse duplicate = signUp(auth.client(), "bob@example.com", Map.of("username", "Taken_Name"));
            duplicate.assertError(400, "USERNAME_IS_ALREADY_TAKEN");
            assertThat(duplicate.json().get("message").asString()).isEqualTo("Username is already taken. Please try another.");
            signUp(auth.client(), "bob@example.com", Map.of("username", "no spaces")).assertError(400, "INVALID_USERNAME");
            // Refused before anything was written: the address is still free.
            signUp(auth.client(), "bob@example.com", Map.of("username", "bob")).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void updateUserChangesTheUsernameButNotToSomeoneElses(TestDatabase database) {
        try (TestPostern auth = start(database, UsernameOptions.defaults())) {
            signUp(auth.client(), "bob@example.com", Map.of("username", "bob")).assertStatus(200);
            TestClient ada = auth.client();
            signUp(ada, "ada@example.com", Map.of("username", "ada")).assertStatus(200);

            ada.postJson("/update-user", Map.of("username", "BOB")).assertError(400, "USERNAME_IS_ALREADY_TAKEN");
            auth.client().postJson("/update-user", Map.of("username", "bob")).assertError(401, "UNAUTHORIZED");
            ada.postJson("/update-user", Map.of("username", "ADA")).assertStatus(200);
            ada.postJson("/update-user", Map.of("username", "Countess", "displayUsername", "The Countess")).assertStatus(200);

            JsonNode user = ada.get("/get-session?disableCookieCache=true").json().get("user");
            assertThat(user.get("username").asString()).isEqualTo("countess");
            assertThat(user.get("displayUsername").asString()).isEqualTo("The Countess");
            ada.postJson("/sign-in/username", Map.of("username", "countess", "password", Users.PASSWORD)).assertStatus(200);
        }
    }

    @SqliteAndPostgres
    void immutableUsernamesAndCustomRules(TestDatabase database) {
        UsernameOptions options = UsernameOptions.builder()
                .immutableUsername(true)
                .minUsernameLength(5)
                .usernameNormalization(java.util.function.UnaryOperator.identity())
                .displayUsernameValidator(s -> !s.contains("<"))
                .build();
        try (TestPostern auth = start(database, options)) {
            TestClient ada = auth.client();
            signUp(ada, "ada@example.com", Map.of("username", "Ada_L")).assertStatus(200);
            signUp(auth.client(), "bob@example.com", Map.of("username", "bob")).assertError(400, "USERNAME_TOO_SHORT");
            signUp(auth.client(), "eve@example.com", Map.of("username", "evelyn", "displayUsername", "<b>"))
                    .assertError(400, "INVALID_DISPLAY_USERNAME");

            ada.postJson("/update-user", Map.of("username", "Other_Name")).assertError(400, "USERNAME_IS_IMMUTABLE");
            ada.postJson("/update-user", Map.of("username", "Ada_L", "name", "Ada")).assertStatus(200);
            assertThat(ada.get("/get-session").json().get("user").get("username").asString()).isEqualTo("Ada_L");
            auth.client().postJson("/sign-in/username", Map.of("username", "ada_l", "password", Users.PASSWORD))
                    .assertError(401, "INVALID_USERNAME_OR_PASSWORD");
        }
    }

    @SqliteAndPostgres
    void requiredEmailVerificationHoldsForUsernameSignInToo(TestDatabase database) {
        try (TestPostern auth = TestPostern.start(database, new dev.postern.plugin.session.SessionPlugin(),
                new dev.postern.plugin.user.UserPlugin(), new UsernamePlugin(),
                new EmailPasswordPlugin(EmailPasswordOptions.builder().requireEmailVerification(true).build()))) {
            signUp(auth.client(), "ada@example.com", Map.of("username", "ada")).assertStatus(200);

            TestResponse refused = auth.client().postJson("/sign-in/username", Map.of("username", "ada", "password", Users.PASSWORD));

            refused.assertError(403, "EMAIL_NOT_VERIFIED");
            assertThat(refused.setCookies()).isEmpty();
        }
    }
}
