package dev.postern.plugin.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.social.providers.AppleProvider;
import dev.postern.plugin.social.providers.DiscordProvider;
import dev.postern.plugin.social.providers.GitLabProvider;
import dev.postern.plugin.social.providers.MicrosoftProvider;
import dev.postern.plugin.social.providers.ProviderEndpoints;
import dev.postern.plugin.support.UrlEncodedForm;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.schema.CoreSchema;
import dev.postern.store.Where;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Discord, GitLab, Microsoft and Apple against local servers answering in each provider's format: the
 * authorization URL each builds, the token request it sends, and the user it maps.
 */
class MoreProvidersTest {
    private static final String TOKEN = "{\"access_token\":\"provider-access-token\",\"token_type\":\"Bearer\","
            + "\"expires_in\":604800,\"refresh_token\":\"provider-refresh-token\",\"scope\":\"identify email\"}";

    private record Flow(Map<String, String> params, TestResponse callback, JsonNode user) {
    }

    /** Starts a sign-in, answers the callback with a code, and reads the signed-in user. */
    private static Flow signIn(SocialProvider provider, String providerId) {
        try (TestPostern auth = TestPostern.builder().database(TestDatabase.SQLITE)
                .plugins(new SessionPlugin(), new UserPlugin(), new SocialPlugin(SocialOptions.of(List.of(provider))))
                .start()) {
            TestClient browser = auth.client();
            URI url = URI.create(browser.postJson("/sign-in/social", Map.of("provider", providerId, "callbackURL", "/home"))
                    .json().get("url").asString());
            Map<String, String> params = SocialFlowTest.query(url);
            TestResponse callback = browser.get("/callback/" + providerId + "?code=the-code&state=" + params.get("state"));
            JsonNode user = browser.get("/get-session").json().get("user");
            assertThat(auth.postern().store().count(CoreSchema.ACCOUNT, Where.eq("providerId", providerId))).isEqualTo(1);
            return new Flow(params, callback, user);
        }
    }

    @Test
    void discordAsksWithoutPkceAndMapsAnAnimatedAvatar() {
        try (FakeProvider discord = new FakeProvider()) {
            discord.json("/api/oauth2/token", TOKEN).json("/api/users/@me", """
                    {"id":"80351110224678912","username":"nelly","discriminator":"0","global_name":"Nelly",
                     "avatar":"a_8342729096ea3675442027381ff50dfe","verified":true,"email":"nelly@discord.com",
                     "flags":64,"premium_type":1,"public_flags":64}""");
            Flow flow = signIn(new DiscordProvider(ProviderSettings.of("discord-id", "discord-secret"),
                    new ProviderEndpoints(discord.base() + "/authorize", discord.base() + "/api/oauth2/token",
                            discord.base() + "/api/users/@me", null, null), Clock.systemUTC()), "discord");

            assertThat(flow.params()).containsEntry("scope", "identify email").containsEntry("prompt", "none")
                    .doesNotContainKey("code_challenge");
            assertThat(UrlEncodedForm.parse(discord.request("/api/oauth2/token").body())).containsEntry("code", "the-code")
                    .containsEntry("client_secret", "discord-secret").doesNotContainKey("code_verifier");
            assertThat(discord.request("/api/users/@me").header("Authorization")).isEqualTo("Bearer provider-access-token");
            flow.callback().assertStatus(302);
            assertThat(flow.user().get("name").asString()).isEqualTo("Nelly");
            assertThat(flow.user().get("email").asString()).isEqualTo("nelly@discord.com");
            assertThat(flow.user().get("emailVerified").asBoolean()).isTrue();
            assertThat(flow.user().get("image").asString())
                    .isEqualTo("https://cdn.discordapp.com/avatars/80351110224678912/a_8342729096ea3675442027381ff50dfe.gif");
        }
    }

    @Test
    void aSelfHostedGitLabIsReachedThroughItsBaseUrl() {
        try (FakeProvider gitlab = new FakeProvider()) {
            gitlab.json("/oauth/token", TOKEN).json("/api/v4/user", """
                    {"id":1,"username":"john_smith","email":"john@example.com","name":"John Smith","state":"active",
                     "avatar_url":"http://localhost:3000/uploads/user/avatar/1/index.jpg","web_url":"http://localhost:3000/john_smith",
                     "created_at":"2012-05-23T08:00:58Z","public_email":"john@example.com"}""");
            Flow flow = signIn(new GitLabProvider(ProviderSettings.of("gl-id", "gl-secret"),
                    new ProviderEndpoints(null, null, null, null, gitlab.base() + "/"), Clock.systemUTC()), "gitlab");

            assertThat(flow.params()).containsEntry("scope", "read_user").containsEntry("code_challenge_method", "S256");
            assertThat(UrlEncodedForm.parse(gitlab.request("/oauth/token").body())).containsKey("code_verifier");
            flow.callback().assertStatus(302);
            assertThat(flow.user().get("name").asString()).isEqualTo("John Smith");
            assertThat(flow.user().get("emailVerified").asBoolean()).isFalse();
            assertThat(flow.user().get("image").asString()).isEqualTo("http://localhost:3000/uploads/user/avatar/1/index.jpg");
        }
    }

    @Test
    void microsoftUsesTheTenantAndTheObjectIdAndFetchesThePhoto() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("ms").generate();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ms").build(),
                new JWTClaimsSet.Builder().issuer("https://login.microsoftonline.com/contoso-tenant/v2.0")
                        .subject("pairwise-sub").audience("ms-id").claim("oid", "00000000-0000-0000-66f3-3332eca7ea81")
                        .claim("name", "Megan Bowen").claim("email", "megan@contoso.com")
                        .claim("verified_primary_email", List.of("megan@contoso.com"))
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build());
        idToken.sign(new ECDSASigner(key));
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01};
        try (FakeProvider microsoft = new FakeProvider()) {
            microsoft.json("/contoso-tenant/oauth2/v2.0/token", "{\"token_type\":\"Bearer\",\"scope\":\"openid profile email User.Read\","
                    + "\"expires_in\":3599,\"access_token\":\"ms-access\",\"refresh_token\":\"ms-refresh\",\"id_token\":\"" + idToken.serialize() + "\"}")
                    .on("/me/photos/48x48/$value", seen -> new FakeProvider.Answer(200, "image/jpeg", photo));
            ProviderEndpoints defaults = MicrosoftProvider.defaults("contoso-tenant", microsoft.base());
            Flow flow = signIn(new MicrosoftProvider(ProviderSettings.of("ms-id", "ms-secret"),
                    new ProviderEndpoints(null, null, microsoft.base() + "/me", null, null), "contoso-tenant",
                    microsoft.base(), false, 48, Clock.systemUTC()), "microsoft");

            assertThat(defaults.authorization()).isEqualTo(microsoft.base() + "/contoso-tenant/oauth2/v2.0/authorize");
            assertThat(flow.params()).containsEntry("scope", "openid profile email User.Read offline_access");
            flow.callback().assertStatus(302);
            assertThat(flow.user().get("email").asString()).isEqualTo("megan@contoso.com");
            assertThat(flow.user().get("emailVerified").asBoolean()).isTrue();
            assertThat(flow.user().get("image").asString()).isEqualTo("data:image/jpeg;base64, " + Base64.getEncoder().encodeToString(photo));
        }
    }

    @Test
    void appleAnswersByFormPostWithTheNameOnceAndGetsAClientSecretJwt() throws Exception {
        ECKey signingKey = new ECKeyGenerator(Curve.P_256).generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                ((ECPrivateKey) signingKey.toPrivateKey()).getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        ECKey idKey = new ECKeyGenerator(Curve.P_256).keyID("apple").generate();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("apple").build(),
                new JWTClaimsSet.Builder().issuer("https://appleid.apple.com").subject("001234.abcdef.1234")
                        .audience("com.example.web").claim("email", "x7k2@privaterelay.appleid.com").claim("email_verified", "true")
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
        idToken.sign(new ECDSASigner(idKey));
        try (FakeProvider apple = new FakeProvider()) {
            apple.json("/auth/token", "{\"access_token\":\"a-access\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"refresh_token\":\"a-refresh\",\"id_token\":\"" + idToken.serialize() + "\"}");
            AppleProvider provider = new AppleProvider(new ProviderSettings("com.example.web", null, List.of(), false,
                    null, false, false, false, false), new ProviderEndpoints(apple.base() + "/auth/authorize",
                    apple.base() + "/auth/token", null, apple.base() + "/auth/keys", null),
                    new AppleProvider.SecretKey("TEAM123456", "KEY1234567", pem), null, Clock.systemUTC());
            try (TestPostern auth = TestPostern.builder().database(TestDatabase.SQLITE)
                    .plugins(new SessionPlugin(), new UserPlugin(), new SocialPlugin(SocialOptions.of(List.of(provider))))
                    .start()) {
                TestClient browser = auth.client();
                URI url = URI.create(browser.postJson("/sign-in/social", Map.of("provider", "apple", "callbackURL", "/home"))
                        .json().get("url").asString());
                Map<String, String> params = SocialFlowTest.query(url);
                // Apple's page posts the form cross-site: no cookies, Apple's origin.
                TestResponse posted = auth.client().origin("https://appleid.apple.com").post("/callback/apple",
                        "application/x-www-form-urlencoded", "state=" + params.get("state") + "&code=apple-code&id_token="
                        + idToken.serialize() + "&user=" + java.net.URLEncoder.encode(
                                "{\"name\":{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"},\"email\":\"x7k2@privaterelay.appleid.com\"}",
                                StandardCharsets.UTF_8));
                TestResponse done = browser.get(posted.header("location").orElseThrow());
                JsonNode user = browser.get("/get-session").json().get("user");

                assertThat(params).containsEntry("response_type", "code id_token").containsEntry("response_mode", "form_post")
                        .containsEntry("scope", "email name");
                posted.assertStatus(302);
                done.assertStatus(302);
                assertThat(done.header("location")).contains("/home");
                assertThat(user.get("name").asString()).isEqualTo("Ada Lovelace");
                assertThat(user.get("email").asString()).isEqualTo("x7k2@privaterelay.appleid.com");
                assertThat(user.get("emailVerified").asBoolean()).isTrue();
                SignedJWT secret = SignedJWT.parse(UrlEncodedForm.parse(apple.request("/auth/token").body()).get("client_secret"));
                assertThat(secret.verify(new ECDSAVerifier(signingKey.toPublicJWK()))).isTrue();
                assertThat(secret.getHeader().getKeyID()).isEqualTo("KEY1234567");
                assertThat(secret.getJWTClaimsSet().getIssuer()).isEqualTo("TEAM123456");
                assertThat(secret.getJWTClaimsSet().getSubject()).isEqualTo("com.example.web");
                assertThat(secret.getJWTClaimsSet().getAudience()).containsExactly("https://appleid.apple.com");
            }
        }
    }

    @Test
    void weChatUsesAppidAndReadsTheUserWithTheOpenidOfTheToken() {
        try (FakeProvider wechat = new FakeProvider()) {
            wechat.json("/sns/oauth2/access_token", """
                    {"access_token":"wx-access","expires_in":7200,"refresh_token":"wx-refresh","openid":"o6_bmjrPTlm6_2sgVt7hMZOPfL2M",
                     "scope":"snsapi_login","unionid":"o6_bmasdasdsad6_2sgVt7hMZOPfL"}""")
                    .json("/sns/userinfo", """
                    {"openid":"o6_bmjrPTlm6_2sgVt7hMZOPfL2M","nickname":"微信用户","sex":1,"province":"广东","city":"广州","country":"中国",
                     "headimgurl":"https://thirdwx.qlogo.cn/mmopen/g3MonUZtNHkdmzicIlibx6iaFqAc56vxLSUfpb6n5WKSYVY0ChQKkiaJSgQ1dZuTOgvLLrhJbERQQ4eMsv84eavHiaiceqxibJxCfHe/0",
                     "privilege":[],"unionid":"o6_bmasdasdsad6_2sgVt7hMZOPfL"}""");
            Flow flow = signIn(new dev.postern.plugin.social.providers.WeChatProvider(ProviderSettings.of("wx-appid", "wx-secret"),
                    new ProviderEndpoints(wechat.base() + "/connect/qrconnect", wechat.base() + "/sns/oauth2/access_token",
                            wechat.base() + "/sns/userinfo", null, null), null, Clock.systemUTC()), "wechat");

            assertThat(flow.params()).containsEntry("appid", "wx-appid").containsEntry("scope", "snsapi_login")
                    .containsEntry("lang", "cn").doesNotContainKey("client_id");
            assertThat(wechat.request("/sns/oauth2/access_token").query()).contains("appid=wx-appid")
                    .contains("secret=wx-secret").contains("code=the-code");
            assertThat(wechat.request("/sns/userinfo").query()).contains("openid=o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
            flow.callback().assertStatus(302);
            assertThat(flow.user().get("name").asString()).isEqualTo("微信用户");
            assertThat(flow.user().get("email").asString()).isEqualTo("o6_bmasdasdsad6_2sgvt7hmzopfl@wechat.invalid"); // lower-cased, as better-auth stores addresses
            assertThat(flow.user().get("emailVerified").asBoolean()).isFalse();
        }
    }

    @Test
    void microsoftIdTokenSignInAcceptsTheIssuerOfTheTokensOwnTenant() throws Exception {
        com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("entra").generate();
        try (FakeProvider entra = new FakeProvider()) {
            entra.json("/common/discovery/v2.0/keys", new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString());
            String base = entra.base();
            MicrosoftProvider provider = new MicrosoftProvider(ProviderSettings.of("ms-app", "ms-secret"),
                    ProviderEndpoints.DEFAULTS, null, base, true, 48, Clock.systemUTC());
            java.util.function.BiFunction<String, String, String> token = (tid, issuerTenant) -> {
                try {
                    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("entra").build(),
                            new JWTClaimsSet.Builder().issuer(base + "/" + issuerTenant + "/v2.0").subject("pairwise").audience("ms-app")
                                    .claim("tid", tid).claim("oid", "11111111-2222-3333-4444-555555555555")
                                    .claim("email", "adele@contoso.com").claim("email_verified", true).claim("name", "Adele Vance")
                                    .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build());
                    jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
                    return jwt.serialize();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            try (TestPostern auth = TestPostern.builder().database(TestDatabase.SQLITE)
                    .plugins(new SessionPlugin(), new UserPlugin(), new SocialPlugin(SocialOptions.of(List.of(provider)))).start()) {
                TestResponse ok = auth.client().postJson("/sign-in/social",
                        Map.of("provider", "microsoft", "idToken", Map.of("token", token.apply("contoso-tid", "contoso-tid"))));
                TestResponse otherTenant = auth.client().postJson("/sign-in/social",
                        Map.of("provider", "microsoft", "idToken", Map.of("token", token.apply("contoso-tid", "fabrikam-tid"))));

                ok.assertStatus(200);
                assertThat(ok.json().get("user").get("email").asString()).isEqualTo("adele@contoso.com");
                assertThat(auth.postern().store().findOne(CoreSchema.ACCOUNT, Where.eq("providerId", "microsoft")).orElseThrow()
                        .string("accountId")).isEqualTo("11111111-2222-3333-4444-555555555555");
                otherTenant.assertError(401, "INVALID_TOKEN");
            }
        }
    }
}
