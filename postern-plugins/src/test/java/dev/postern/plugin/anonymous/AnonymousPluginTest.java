package dev.postern.plugin.anonymous;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.support.Users;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/** better-auth's {@code anonymous} plugin (wire reference §12 "anonymous"). */
class AnonymousPluginTest {

    private static TestPostern start(TestDatabase database, AnonymousOptions options) {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new AnonymousPlugin(options));
        return TestPostern.start(database, plugins.toArray(Plugin[]::new));
    }

    @SqliteAndPostgres
    void signInAnonymousCreatesAnAnonymousUserOnce(TestDatabase database) {
        try (TestPostern auth = start(database, AnonymousOptions.defaults())) {
            TestClient browser = auth.client();

            TestResponse signedIn = browser.postJson("/sign-in/anonymous", Map.of()).assertStatus(200);

            JsonNode user = signedIn.json().get("user");
            assertThat(user.get("isAnonymous").asBoolean()).isTrue();
            assertThat(user.get("name").asString()).isEqualTo("Anonymous");
            assertThat(user.get("email").asString()).matches("[A-Za-z0-9]{32}@anonymous\\.placeholder\\.invalid");
            assertThat(browser.cookie("better-auth.session_token")).startsWith(signedIn.json().get("token").asString() + ".");
            assertThat(browser.get("/get-session").json().get("user").get("isAnonymous").asBoolean()).isTrue();

            TestResponse again = browser.postJson("/sign-in/anonymous", Map.of());
            again.assertError(400, "ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY");
            assertThat(again.json().get("message").asString()).isEqualTo("Anonymous users cannot sign in again anonymously");
            // Clients cannot make themselves anonymous (input:false).
            Users.signUp(auth.client(), "ada@example.com");
            TestClient ada = auth.client();
            Users.signIn(ada, "ada@example.com", Users.PASSWORD).assertStatus(200);
            ada.postJson("/update-user", Map.of("isAnonymous", true)).assertError(400, "FIELD_NOT_ALLOWED");
        }
    }

    @SqliteAndPostgres
    void signingUpForRealLinksAndDeletesTheAnonymousUser(TestDatabase database) {
        List<AnonymousLink> links = new CopyOnWriteArrayList<>();
        try (TestPostern auth = start(database, AnonymousOptions.builder().onLinkAccount(links::add).build())) {
            TestClient browser = auth.client();
            String anonymousId = browser.postJson("/sign-in/anonymous", Map.of()).json().get("user").get("id").asString();

            TestResponse signUp = Users.signUp(browser, "ada@example.com");

            String realId = signUp.json().get("user").get("id").asString();
            assertThat(links).hasSize(1);
            assertThat(links.get(0).anonymousSession().userId()).isEqualTo(anonymousId);
            assertThat(links.get(0).newSession().userId()).isEqualTo(realId);
            assertThat(auth.postern().users().findById(anonymousId)).isEmpty();
            JsonNode session = browser.get("/get-session").json();
            assertThat(session.get("user").get("id").asString()).isEqualTo(realId);
            assertThat(session.get("user").get("isAnonymous").asBoolean()).isFalse();

            // A sign-in without an anonymous session links nothing.
            Users.signIn(auth.client(), "ada@example.com", Users.PASSWORD).assertStatus(200);
            assertThat(links).hasSize(1);
        }
    }

    @SqliteAndPostgres
    void signingInWithDeletionDisabledKeepsTheAnonymousUser(TestDatabase database) {
        List<AnonymousLink> links = new CopyOnWriteArrayList<>();
        AnonymousOptions options = AnonymousOptions.builder()
                .onLinkAccount(links::add)
                .disableDeleteAnonymousUser(true)
                .emailDomainName("example.org")
                .generateName(ctx -> "Guest")
                .build();
        try (TestPostern auth = start(database, options)) {
            Users.signUp(auth.client(), "ada@example.com");
            TestClient browser = auth.client();
            JsonNode anonymous = browser.postJson("/sign-in/anonymous", Map.of()).assertStatus(200).json().get("user");
            assertThat(anonymous.get("email").asString()).matches("temp-[A-Za-z0-9]{32}@example\\.org");
            assertThat(anonymous.get("name").asString()).isEqualTo("Guest");

            Users.signIn(browser, "ada@example.com", Users.PASSWORD).assertStatus(200);

            assertThat(links).hasSize(1);
            assertThat(auth.postern().users().findById(anonymous.get("id").asString())).isPresent();
            browser.postJson("/delete-anonymous-user", Map.of()).assertError(400, "DELETE_ANONYMOUS_USER_DISABLED");
        }
    }

    @SqliteAndPostgres
    void deleteAnonymousUserRemovesOnlyAnonymousUsers(TestDatabase database) {
        try (TestPostern auth = start(database, AnonymousOptions.defaults())) {
            auth.client().postJson("/delete-anonymous-user", Map.of()).assertError(401, "UNAUTHORIZED");
            TestClient ada = auth.client();
            Users.signUp(ada, "ada@example.com");
            ada.postJson("/delete-anonymous-user", Map.of()).assertError(403, "USER_IS_NOT_ANONYMOUS");

            TestClient browser = auth.client();
            String id = browser.postJson("/sign-in/anonymous", Map.of()).json().get("user").get("id").asString();
            TestResponse deleted = browser.postJson("/delete-anonymous-user", Map.of());

            deleted.assertStatus(200);
            assertThat(deleted.json().get("success").asBoolean()).isTrue();
            assertThat(deleted.setCookies()).anyMatch(c -> c.startsWith("better-auth.session_token=;") && c.contains("Max-Age=0"));
            assertThat(auth.postern().users().findById(id)).isEmpty();
            assertThat(browser.get("/get-session").body()).isEqualTo("null");
        }
    }
}
