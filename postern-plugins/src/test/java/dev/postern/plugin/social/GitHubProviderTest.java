package dev.postern.plugin.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.social.providers.GitHubProvider;
import dev.postern.plugin.social.providers.GoogleProvider;
import dev.postern.plugin.social.providers.ProviderEndpoints;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** GitHub against a local HTTP server answering in GitHub's formats (a private address read from {@code /user/emails}). */
class GitHubProviderTest {
    @SqliteAndPostgres
    void githubReadsAPrivateAddressFromUserEmails(TestDatabase database) throws IOException {
        List<String> tokenRequests = new CopyOnWriteArrayList<>();
        HttpServer github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        github.createContext("/login/oauth/access_token", exchange -> {
            tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, "{\"access_token\":\"gho_16C7e42F292c6912E7710c838347Ae178B4a\",\"scope\":\"read:user,user:email\",\"token_type\":\"bearer\"}");
        });
        github.createContext("/user", exchange -> {
            boolean authorized = "Bearer gho_16C7e42F292c6912E7710c838347Ae178B4a".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!authorized) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
            } else if (exchange.getRequestURI().getPath().equals("/user/emails")) {
                respond(exchange, "[{\"email\":\"octocat@users.noreply.github.com\",\"primary\":false,\"verified\":true,\"visibility\":null},"
                        + "{\"email\":\"octocat@github.com\",\"primary\":true,\"verified\":true,\"visibility\":\"private\"}]");
            } else {
                respond(exchange, "{\"login\":\"octocat\",\"id\":583231,\"node_id\":\"MDQ6VXNlcjU4MzIzMQ==\","
                        + "\"avatar_url\":\"https://avatars.githubusercontent.com/u/583231?v=4\",\"type\":\"User\","
                        + "\"name\":\"The Octocat\",\"company\":\"@github\",\"email\":null}");
            }
        });
        github.start();
        String base = "http://127.0.0.1:" + github.getAddress().getPort();
        GitHubProvider provider = new GitHubProvider(ProviderSettings.of("Iv1.8a61f9b3a7aba766", "gh-secret"),
                new ProviderEndpoints(base + "/login/oauth/authorize", base + "/login/oauth/access_token", base + "/user", null, null),
                Clock.systemUTC());
        try (TestPostern auth = TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new UserPlugin(), new SocialPlugin(SocialOptions.of(List.of(provider))))
                .start()) {
            TestClient browser = auth.client();
            URI url = URI.create(browser.postJson("/sign-in/social", Map.of("provider", "github", "callbackURL", "/home"))
                    .json().get("url").asString());
            Map<String, String> params = SocialFlowTest.query(url);
            assertThat(url.toString()).startsWith(base + "/login/oauth/authorize?");
            assertThat(params).containsEntry("client_id", "Iv1.8a61f9b3a7aba766").containsEntry("scope", "read:user user:email")
                    .containsEntry("redirect_uri", auth.authUrl() + "/callback/github").containsEntry("code_challenge_method", "S256");

            TestResponse done = browser.get("/callback/github?code=abc123&state=" + params.get("state"));

            done.assertStatus(302);
            assertThat(done.header("location")).contains("/home");
            var user = browser.get("/get-session").json().get("user");
            assertThat(user.get("email").asString()).isEqualTo("octocat@github.com");
            assertThat(user.get("emailVerified").asBoolean()).isTrue();
            assertThat(user.get("name").asString()).isEqualTo("The Octocat");
            assertThat(user.get("image").asString()).isEqualTo("https://avatars.githubusercontent.com/u/583231?v=4");
            assertThat(auth.postern().store().findOne(CoreSchema.ACCOUNT, Where.eq("providerId", "github")).orElseThrow()
                    .string("accountId")).isEqualTo("583231");
            assertThat(tokenRequests).singleElement().asString().contains("code=abc123").contains("client_secret=gh-secret")
                    .contains("code_verifier=");
        } finally {
            github.stop(0);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
