package dev.postern.plugin.social;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.social.providers.GenericOAuthConfig;
import dev.postern.plugin.social.providers.GenericOAuthProvider;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.support.UrlEncodedForm;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Row;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Full redirect flows (wire reference §11) against oidc-provider, a certified OpenID provider, declared as a
 * generic OAuth provider by its discovery URL: sign-up, sign-in, implicit linking and its refusals,
 * link-social, unlink, provider tokens with refresh, and the callback's error redirects.
 */
class SocialFlowTest {
    static final String ID = "acme-sso";
    @RegisterExtension
    static final OidcProvider oidc = new OidcProvider();

    static TestPostern start(TestDatabase database, UnaryOperator<SocialOptions> customize) {
        GenericOAuthConfig config = GenericOAuthConfig.discovery(ID, oidc.discoveryUrl(), OidcProvider.CLIENT_ID,
                OidcProvider.CLIENT_SECRET, List.of("email", "profile"));
        SocialOptions options = customize.apply(SocialOptions.of(List.of(new GenericOAuthProvider(config, Clock.systemUTC()))));
        return TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(), new SocialPlugin(options))
                .configure(b -> b.trustedOrigins(List.of("http://app.example.com")))
                .start();
    }

    static Map<String, String> query(URI uri) {
        return UrlEncodedForm.parse(uri.getRawQuery());
    }

    /** Signs in through the provider as {@code login}; returns Postern's final redirect. */
    static TestResponse signIn(TestPostern auth, TestClient browser, String path, Map<String, Object> body, String login) {
        TestResponse started = browser.postJson(path, body).assertStatus(200);
        String url = started.json().get("url").asString();
        URI callback = oidc.authorize(url, login);
        assertThat(callback.toString()).startsWith(auth.authUrl() + "/callback/" + ID + "?");
        return browser.get(callback.toString());
    }

    static Map<String, Object> signInBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", ID);
        body.put("callbackURL", "http://app.example.com/dashboard");
        body.put("newUserCallbackURL", "http://app.example.com/welcome");
        body.put("errorCallbackURL", "http://app.example.com/oops");
        return body;
    }

    @SqliteAndPostgres
    void aNewUserSignsUpThenTheSameUserSignsIn(TestDatabase database) {
        try (TestPostern auth = start(database, o -> o)) {
            TestClient browser = auth.client();
            TestResponse started = browser.postJson("/sign-in/social", signInBody()).assertStatus(200);
            URI url = URI.create(started.json().get("url").asString());
            Map<String, String> params = query(url);
            assertThat(started.json().get("redirect").asBoolean()).isTrue();
            assertThat(started.header("location")).contains(url.toString());
            assertThat(url.toString()).startsWith(oidc.issuer() + "/auth?");
            assertThat(params).containsEntry("response_type", "code").containsEntry("client_id", OidcProvider.CLIENT_ID)
                    .containsEntry("redirect_uri", auth.authUrl() + "/callback/" + ID)
                    .containsEntry("scope", "openid email profile").containsEntry("code_challenge_method", "S256");
            assertThat(params.get("state")).hasSize(32);
            assertThat(params.get("nonce")).hasSize(32);
            assertThat(params.get("code_challenge")).hasSize(43);
            assertThat(browser.cookie("better-auth.state")).startsWith(params.get("state") + ".");

            TestResponse done = browser.get(oidc.authorize(url.toString(), "alice").toString());

            done.assertStatus(302);
            assertThat(done.header("location")).contains("http://app.example.com/welcome");
            assertThat(browser.cookie("better-auth.session_token")).isNotBlank();
            TestResponse session = browser.get("/get-session").assertStatus(200);
            assertThat(session.json().get("user").get("email").asString()).isEqualTo("alice@example.com");
            assertThat(session.json().get("user").get("name").asString()).isEqualTo("Alice Liddell");
            assertThat(session.json().get("user").get("emailVerified").asBoolean()).isTrue();
            assertThat(session.json().get("user").get("image").asString()).isEqualTo("https://img.example.com/alice.png");
            Row account = auth.postern().store().findOne(CoreSchema.ACCOUNT,
                    Where.eq("providerId", ID).andEq("accountId", "alice")).orElseThrow();
            assertThat(account.string("accessToken")).isNotBlank();
            assertThat(account.string("refreshToken")).isNotBlank();
            assertThat(account.string("idToken")).contains(".");
            assertThat(account.instant("accessTokenExpiresAt")).isAfter(Instant.now());
            assertThat(auth.postern().verifications().find(OAuthState.IDENTIFIER_PREFIX + params.get("state"))).isEmpty();

            TestClient again = auth.client();
            TestResponse second = signIn(auth, again, "/sign-in/social", signInBody(), "alice");
            second.assertStatus(302);
            assertThat(second.header("location")).contains("http://app.example.com/dashboard");
            assertThat(again.get("/get-session").json().get("user").get("id").asString())
                    .isEqualTo(session.json().get("user").get("id").asString());
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.eq("email", "alice@example.com"))).isEqualTo(1);
            assertThat(auth.postern().store().count(CoreSchema.ACCOUNT, Where.eq("providerId", ID))).isEqualTo(1);
        }
    }

    @SqliteAndPostgres
    void aVerifiedProviderAddressLinksToAVerifiedLocalUserButAnUnverifiedOneDoesNot(TestDatabase database) {
        try (TestPostern auth = start(database, o -> o)) {
            String aliceId = Users.signUp(auth.client(), "alice@example.com").json().get("user").get("id").asString();
            String bobId = Users.signUp(auth.client(), "bob@example.com").json().get("user").get("id").asString();
            auth.postern().users().update(aliceId, Map.of("emailVerified", true));
            auth.postern().users().update(bobId, Map.of("emailVerified", true));

            TestClient alice = auth.client();
            TestResponse linked = signIn(auth, alice, "/sign-in/social", signInBody(), "alice");
            TestResponse refused = signIn(auth, auth.client(), "/sign-in/social", signInBody(), "bob");

            linked.assertStatus(302);
            assertThat(linked.header("location")).contains("http://app.example.com/dashboard");
            assertThat(alice.get("/get-session").json().get("user").get("id").asString()).isEqualTo(aliceId);
            assertThat(auth.postern().accounts().listFor(aliceId)).extracting(r -> r.string("providerId"))
                    .containsExactlyInAnyOrder("credential", ID);
            refused.assertStatus(302);
            assertThat(refused.header("location")).contains("http://app.example.com/oops?error=account_not_linked");
            assertThat(auth.postern().accounts().listFor(bobId)).hasSize(1);
        }
    }

    @SqliteAndPostgres
    void trustedProvidersLinkUnverifiedAddressesAndDisableImplicitLinkingRefusesAll(TestDatabase database) {
        try (TestPostern trusting = start(database, o -> o.withLinking(o.linking().withTrustedProviders(java.util.Set.of(ID))));
             TestPostern strict = start(database, o -> o.withLinking(o.linking().withDisableImplicitLinking(true)))) {
            String bobId = Users.signUp(trusting.client(), "bob@example.com").json().get("user").get("id").asString();
            trusting.postern().users().update(bobId, Map.of("emailVerified", true));
            String aliceId = Users.signUp(strict.client(), "alice@example.com").json().get("user").get("id").asString();
            strict.postern().users().update(aliceId, Map.of("emailVerified", true));

            TestResponse trusted = signIn(trusting, trusting.client(), "/sign-in/social", signInBody(), "bob");
            TestResponse disabled = signIn(strict, strict.client(), "/sign-in/social", signInBody(), "alice");

            assertThat(trusted.header("location")).contains("http://app.example.com/dashboard");
            assertThat(trusting.postern().accounts().listFor(bobId)).hasSize(2);
            assertThat(disabled.header("location")).contains("http://app.example.com/oops?error=account_not_linked");
        }
    }

    @SqliteAndPostgres
    void linkSocialAddsTheAccountAndUnlinkRemovesItButNotTheLastOne(TestDatabase database) {
        try (TestPostern auth = start(database, o -> o)) {
            TestClient carol = auth.client();
            Users.signUp(carol, "carol@example.com");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("provider", ID);
            body.put("callbackURL", "http://app.example.com/settings");

            TestResponse linked = signIn(auth, carol, "/link-social", body, "carol");
            TestResponse otherAddress = signIn(auth, carol, "/link-social",
                    Map.of("provider", ID, "callbackURL", "/x", "errorCallbackURL", "http://app.example.com/oops"), "alice");

            linked.assertStatus(302);
            assertThat(linked.header("location")).contains("http://app.example.com/settings");
            TestResponse accounts = carol.get("/list-accounts").assertStatus(200);
            assertThat(accounts.json()).hasSize(2);
            String socialId = null;
            String credentialId = null;
            for (var account : accounts.json()) {
                if (account.get("providerId").asString().equals(ID)) {
                    socialId = account.get("id").asString();
                    assertThat(account.get("accountId").asString()).isEqualTo("carol");
                    assertThat(account.has("accessToken")).isFalse();
                } else {
                    credentialId = account.get("id").asString();
                }
            }
            assertThat(otherAddress.header("location")).contains("http://app.example.com/oops?error=email_does_not_match");

            carol.postJson("/unlink-account", Map.of("accountId", socialId)).assertStatus(200);
            carol.postJson("/unlink-account", Map.of("accountId", credentialId))
                    .assertError(400, "FAILED_TO_UNLINK_LAST_ACCOUNT");
            assertThat(carol.get("/list-accounts").json()).hasSize(1);
        }
    }

    @SqliteAndPostgres
    void getAccessTokenRefreshesAnExpiringTokenAndAccountInfoReadsTheProvider(TestDatabase database) {
        try (TestPostern auth = start(database, o -> o.withEncryptOAuthTokens(true))) {
            TestClient alice = auth.client();
            signIn(auth, alice, "/sign-in/social", signInBody(), "alice").assertStatus(302);
            Row account = auth.postern().store().findOne(CoreSchema.ACCOUNT, Where.eq("providerId", ID)).orElseThrow();
            // better-auth's envelope with a single unversioned secret: hex of nonce + ciphertext.
            assertThat(account.string("accessToken")).matches("[0-9a-f]{80,}");
            assertThat(account.string("refreshToken")).matches("[0-9a-f]{80,}");

            TestResponse current = alice.postJson("/get-access-token", Map.of("accountId", account.id())).assertStatus(200);
            auth.postern().store().update(CoreSchema.ACCOUNT, Where.eq("id", account.id()),
                    Map.of("accessTokenExpiresAt", Instant.now().plusSeconds(2)));
            TestResponse refreshed = alice.postJson("/get-access-token", Map.of("accountId", account.id())).assertStatus(200);
            TestResponse info = alice.get("/account-info?accountId=" + account.id()).assertStatus(200);
            TestResponse forced = alice.postJson("/refresh-token", Map.of("accountId", account.id())).assertStatus(200);

            String first = current.json().get("accessToken").asString();
            assertThat(first).isNotBlank().isNotEqualTo(account.string("accessToken"));
            assertThat(current.json().get("scopes").toString()).contains("openid");
            assertThat(refreshed.json().get("accessToken").asString()).isNotBlank().isNotEqualTo(first);
            Row after = auth.postern().store().findOne(CoreSchema.ACCOUNT, Where.eq("id", account.id())).orElseThrow();
            assertThat(after.instant("accessTokenExpiresAt")).isAfter(Instant.now().plusSeconds(600));
            assertThat(after.string("accessToken")).matches("[0-9a-f]{80,}").isNotEqualTo(account.string("accessToken"));
            assertThat(info.json().get("user").get("email").asString()).isEqualTo("alice@example.com");
            assertThat(info.json().get("account").get("accountId").asString()).isEqualTo("alice");
            assertThat(forced.json().get("accessToken").asString()).isNotEqualTo(refreshed.json().get("accessToken").asString());
            assertThat(forced.json().get("providerId").asString()).isEqualTo(ID);
            auth.client().postJson("/get-access-token", Map.of("accountId", account.id())).assertStatus(401);
            alice.postJson("/get-access-token", Map.of("accountId", "nope")).assertError(400, "ACCOUNT_NOT_FOUND");
        }
    }

    @SqliteAndPostgres
    void callbackErrorsRedirectWithBetterAuthsCodes(TestDatabase database) {
        try (TestPostern auth = start(database, o -> o)) {
            auth.client().postJson("/sign-in/social", Map.of("provider", "nobody")).assertError(404, "PROVIDER_NOT_FOUND");
            auth.client().postJson("/sign-in/social", Map.of("provider", ID, "callbackURL", "https://evil.example.net/"))
                    .assertError(403, "INVALID_CALLBACK_URL");

            // No state at all, and a state whose browser cookie is missing (another browser's callback).
            TestResponse noState = auth.client().get("/callback/" + ID + "?code=abc");
            TestClient starter = auth.client();
            URI started = URI.create(starter.postJson("/sign-in/social", signInBody()).json().get("url").asString());
            URI callback = oidc.authorize(started.toString(), "alice");
            TestResponse stolen = auth.client().get(callback.toString());
            // The provider's own error, and a forged issuer.
            TestClient denied = auth.client();
            String state = query(URI.create(denied.postJson("/sign-in/social", signInBody()).json().get("url").asString())).get("state");
            TestResponse providerError = denied.get("/callback/" + ID + "?state=" + state + "&error=access_denied&error_description=nope");
            TestClient forged = auth.client();
            URI forgedStart = URI.create(forged.postJson("/sign-in/social", signInBody()).json().get("url").asString());
            URI forgedCallback = oidc.authorize(forgedStart.toString(), "alice");
            TestResponse wrongIssuer = forged.get(forgedCallback.toString().replaceAll("iss=[^&]*", "iss=http%3A%2F%2Fevil.example.net"));

            assertThat(noState.header("location")).contains(auth.authUrl() + "/error?error=state_not_found");
            assertThat(stolen.header("location")).contains("http://app.example.com/oops?error=state_mismatch");
            assertThat(providerError.header("location"))
                    .contains("http://app.example.com/oops?error=access_denied&error_description=nope");
            assertThat(wrongIssuer.header("location")).contains("http://app.example.com/oops?error=issuer_mismatch");
            assertThat(auth.postern().store().count(CoreSchema.USER, Where.eq("email", "alice@example.com"))).isZero();
        }
    }

    @SqliteAndPostgres
    void aFormPostCallbackIsReissuedAsAGet(TestDatabase database) {
        try (TestPostern auth = start(database, o -> o)) {
            TestResponse posted = auth.client().origin(null).post("/callback/" + ID, "application/x-www-form-urlencoded",
                    "code=c1&state=s1&user=%7B%22a%22%3A1%7D");
            posted.assertStatus(302);
            assertThat(posted.header("location")).contains(auth.authUrl() + "/callback/" + ID + "?code=c1&state=s1&user=%7B%22a%22%3A1%7D");
        }
    }
}
