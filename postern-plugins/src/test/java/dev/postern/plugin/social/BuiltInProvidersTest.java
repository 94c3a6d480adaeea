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
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Google pointed at oidc-provider, a certified OpenID provider, through endpoint overrides: the whole
 * redirect flow of a built-in provider.
 */
class BuiltInProvidersTest {
    @RegisterExtension
    static final OidcProvider oidc = new OidcProvider();

    @SqliteAndPostgres
    void googlePointedAtAnOpenIdProviderSignsUpItsUser(TestDatabase database) {
        String issuer = oidc.issuer();
        GoogleProvider google = new GoogleProvider(ProviderSettings.of(OidcProvider.CLIENT_ID, OidcProvider.CLIENT_SECRET),
                new ProviderEndpoints(issuer + "/auth", issuer + "/token", null, issuer + "/jwks", issuer), Clock.systemUTC());
        try (TestPostern auth = TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(),
                        new SocialPlugin(SocialOptions.of(List.of(google))))
                .start()) {
            TestClient browser = auth.client();
            TestResponse started = browser.postJson("/sign-in/social", Map.of("provider", "google", "callbackURL", "/home"));
            URI url = URI.create(started.json().get("url").asString());
            Map<String, String> params = SocialFlowTest.query(url);
            assertThat(params).containsEntry("scope", "email profile openid").containsEntry("include_granted_scopes", "true")
                    .containsEntry("redirect_uri", auth.authUrl() + "/callback/google").containsEntry("code_challenge_method", "S256");

            URI callback = oidc.authorize(url.toString(), "alice");
            TestResponse done = browser.get(callback.toString());

            done.assertStatus(302);
            assertThat(done.header("location")).contains("/home");
            assertThat(browser.get("/get-session").json().get("user").get("email").asString()).isEqualTo("alice@example.com");
            Row account = auth.postern().store().findOne(CoreSchema.ACCOUNT, Where.eq("providerId", "google")).orElseThrow();
            assertThat(account.string("accountId")).isEqualTo("alice");
            assertThat(account.string("scope")).contains("openid");
        }
    }
}
