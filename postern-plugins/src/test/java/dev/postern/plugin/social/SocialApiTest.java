package dev.postern.plugin.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.postern.api.ApiAccount;
import dev.postern.api.ApiResponse;
import dev.postern.error.ApiException;
import dev.postern.http.Cookie;
import dev.postern.http.Headers;
import dev.postern.http.Status;
import dev.postern.plugin.api.PluginApiCallsTest.Jar;
import dev.postern.plugin.emailpassword.EmailPasswordApi;
import dev.postern.plugin.emailpassword.EmailPasswordApi.SignUpEmailRequest;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionApi;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.social.SocialApi.AccountSelection;
import dev.postern.plugin.social.SocialApi.CallbackOAuthRequest;
import dev.postern.plugin.social.SocialApi.CallbackRedirect;
import dev.postern.plugin.social.SocialApi.IdToken;
import dev.postern.plugin.social.SocialApi.LinkSocialAccountRequest;
import dev.postern.plugin.social.SocialApi.SignInSocialRequest;
import dev.postern.plugin.social.SocialApi.SignInSocialResponse;
import dev.postern.plugin.social.providers.GenericOAuthConfig;
import dev.postern.plugin.social.providers.GenericOAuthProvider;
import dev.postern.plugin.user.UserApi;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.SqliteAndPostgres;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link SocialApi} against real providers: the redirect flow with oidc-provider (a certified OpenID
 * provider) completed through {@code callbackOAuth}, ID-token sign-in and linking with a provider whose
 * JWKS a local server publishes, and the linked account's tokens and profile.
 */
class SocialApiTest {
    private static final String OIDC = "acme-sso";
    private static final String CORP = "corp";
    private static final String APP = "http://app.example.com";
    @RegisterExtension
    static final OidcProvider oidc = new OidcProvider();

    /** oidc-provider for redirect flows, and a provider found by discovery at {@code idp} for ID tokens. */
    private static TestPostern start(TestDatabase database, FakeProvider idp) {
        GenericOAuthConfig acme = GenericOAuthConfig.discovery(OIDC, oidc.discoveryUrl(), OidcProvider.CLIENT_ID,
                OidcProvider.CLIENT_SECRET, List.of("email", "profile"));
        GenericOAuthConfig corp = GenericOAuthConfig.discovery(CORP, idp.base() + "/.well-known/openid-configuration",
                IdTokenAndStateTest.CLIENT_ID, "rp-secret", List.of("email"));
        SocialOptions options = SocialOptions.of(List.of(new GenericOAuthProvider(acme, Clock.systemUTC()),
                new GenericOAuthProvider(corp, Clock.systemUTC())));
        return TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(), new SocialPlugin(options))
                .configure(b -> b.trustedOrigins(List.of(APP)))
                .start();
    }

    /** The browser at the provider: signs in as {@code login}, then back to Postern's callback. */
    private static ApiResponse<CallbackRedirect> completeAtProvider(SocialApi social, Jar browser, String url,
                                                                    String login) {
        URI callback = oidc.authorize(url, login);
        assertThat(callback.getPath()).endsWith("/callback/" + OIDC);
        return social.callbackOAuth(browser.headers(), OIDC, CallbackOAuthRequest.fromQuery(callback.getRawQuery()));
    }

    @SqliteAndPostgres
    void signInSocialAnswersTheAuthorizationUrlAndTheCallbackSignsTheNewUserIn(TestDatabase database) throws Exception {
        try (FakeProvider idp = IdTokenAndStateTest.provider(new AtomicReference<>(key()));
             TestPostern auth = start(database, idp)) {
            SocialApi social = SocialApi.of(auth.postern());
            Jar browser = new Jar();

            ApiResponse<SignInSocialResponse> started = social.signInSocial(Headers.empty(), new SignInSocialRequest(
                    OIDC, APP + "/dashboard", APP + "/oops", APP + "/welcome", null, null, null, null, null, null, null));
            String url = started.value().url();
            assertThat(started.value().redirect()).isTrue();
            assertThat(url).startsWith(oidc.issuer() + "/auth?").contains("client_id=" + OidcProvider.CLIENT_ID);
            assertThat(started.headers().get("Location")).isEqualTo(url);
            assertThat(started.cookies()).extracting(Cookie::name).contains("better-auth.state");
            browser.take(started);

            ApiResponse<CallbackRedirect> done = completeAtProvider(social, browser, url, "alice");

            assertThat(done.value().location()).isEqualTo(APP + "/welcome");
            assertThat(done.value().error()).isNull();
            assertThat(done.headers().get("Location")).isEqualTo(APP + "/welcome");
            browser.take(done);
            var session = SessionApi.of(auth.postern()).getSession(browser.headers()).value();
            assertThat(session.user().email()).isEqualTo("alice@example.com");
            assertThat(session.user().name()).isEqualTo("Alice Liddell");

            // The state is used up: the same callback again lands on the error page with better-auth's code.
            ApiResponse<CallbackRedirect> replayed = social.callbackOAuth(browser.headers(), OIDC,
                    new CallbackOAuthRequest("any-code", stateOf(url), null, null, null, null, null));
            assertThat(replayed.value().location()).startsWith(auth.authUrl() + "/error?");
            assertThat(replayed.value().error()).isEqualTo("state_mismatch");
        }
    }

    @SqliteAndPostgres
    void anIdTokenSignsInAtOnceAndAnUnknownProviderIsAnApiException(TestDatabase database) throws Exception {
        RSAKey key = key();
        try (FakeProvider idp = IdTokenAndStateTest.provider(new AtomicReference<>(key));
             TestPostern auth = start(database, idp)) {
            SocialApi social = SocialApi.of(auth.postern());
            String token = IdTokenAndStateTest.idToken(key, idp.base(), "u-1", "tok@example.com");

            var signedIn = social.signInSocial(Headers.empty(),
                    SignInSocialRequest.withIdToken(CORP, new IdToken(token, null)));

            assertThat(signedIn.value().redirect()).isFalse();
            assertThat(signedIn.value().url()).isNull();
            assertThat(signedIn.value().user().email()).isEqualTo("tok@example.com");
            var session = SessionApi.of(auth.postern()).getSession(new Jar().take(signedIn).headers()).value();
            assertThat(session.session().token()).isEqualTo(signedIn.value().token());
            assertThatThrownBy(() -> social.signInSocial(Headers.empty(), new SignInSocialRequest("nobody", "/")))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(Status.NOT_FOUND);
                        assertThat(e.code()).isEqualTo("PROVIDER_NOT_FOUND");
                    });
        }
    }

    @SqliteAndPostgres
    void linkedAccountsGiveTheirTokensAndTheProvidersProfile(TestDatabase database) throws Exception {
        RSAKey key = key();
        try (FakeProvider idp = IdTokenAndStateTest.provider(new AtomicReference<>(key));
             TestPostern auth = start(database, idp)) {
            SocialApi social = SocialApi.of(auth.postern());
            Jar carol = new Jar().take(EmailPasswordApi.of(auth.postern())
                    .signUpEmail(new SignUpEmailRequest("Carol", "carol@example.com", "correct horse battery")));

            var byIdToken = social.linkSocialAccount(carol.headers(), LinkSocialAccountRequest.withIdToken(CORP,
                    new IdToken(IdTokenAndStateTest.idToken(key, idp.base(), "carol-at-corp", "carol@example.com"), null)));
            var started = social.linkSocialAccount(carol.headers(), new LinkSocialAccountRequest(OIDC, APP + "/settings"));
            carol.take(started);
            var linked = completeAtProvider(social, carol, started.value().url(), "carol");

            assertThat(byIdToken.value().status()).isTrue();
            assertThat(byIdToken.value().redirect()).isFalse();
            assertThat(started.value().redirect()).isTrue();
            assertThat(started.value().status()).isFalse();
            assertThat(linked.value().location()).isEqualTo(APP + "/settings");
            List<ApiAccount> accounts = UserApi.of(auth.postern()).listUserAccounts(carol.headers()).value();
            assertThat(accounts).extracting(ApiAccount::providerId).containsExactlyInAnyOrder("credential", CORP, OIDC);
            ApiAccount acme = accounts.stream().filter(a -> a.providerId().equals(OIDC)).findFirst().orElseThrow();
            AccountSelection selection = new AccountSelection(acme.id());

            var current = social.getAccessToken(carol.headers(), selection).value();
            var refreshed = social.refreshToken(carol.headers(), selection).value();
            var afterRefresh = social.getAccessToken(carol.headers(), selection).value();
            var info = social.accountInfo(carol.headers(), selection).value();
            // Server code without the session names the user instead.
            var forUser = social.getAccessToken(Headers.empty(), new AccountSelection(acme.id(), acme.userId())).value();

            assertThat(current.accessToken()).isNotBlank();
            assertThat(current.scopes()).contains("openid", "email");
            assertThat(current.accessTokenExpiresAt()).isAfter(Instant.now());
            assertThat(current.idToken()).contains(".");
            assertThat(refreshed.accessToken()).isNotBlank().isNotEqualTo(current.accessToken());
            assertThat(refreshed.refreshToken()).isNotBlank();
            assertThat(refreshed.providerId()).isEqualTo(OIDC);
            assertThat(refreshed.accountId()).isEqualTo(acme.id());
            assertThat(afterRefresh.accessToken()).isEqualTo(refreshed.accessToken());
            assertThat(info.user().id()).isEqualTo("carol");
            assertThat(info.user().email()).isEqualTo("carol@example.com");
            assertThat(info.user().emailVerified()).isTrue();
            assertThat(info.data()).containsEntry("sub", "carol").containsEntry("name", "Carol Other");
            assertThat(info.account().providerId()).isEqualTo(OIDC);
            assertThat(info.account().accountId()).isEqualTo("carol");
            assertThat(forUser.accessToken()).isEqualTo(refreshed.accessToken());
            assertThatThrownBy(() -> social.refreshToken(carol.headers(), new AccountSelection("nope")))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("ACCOUNT_NOT_FOUND"));
        }
    }

    private static RSAKey key() throws Exception {
        return new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    private static String stateOf(String authorizationUrl) {
        return CallbackOAuthRequest.fromQuery(URI.create(authorizationUrl).getRawQuery()).state();
    }
}
