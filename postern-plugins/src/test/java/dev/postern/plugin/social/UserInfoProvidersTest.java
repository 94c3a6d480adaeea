package dev.postern.plugin.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.social.providers.BuiltInProviders;
import dev.postern.plugin.social.providers.ProviderEndpoints;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import dev.postern.testkit.TestResponse;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Spotify, LinkedIn, Slack, Hugging Face and Twitch against a local server answering with each provider's
 * recorded token and profile documents: the authorization URL parameters and the mapped user.
 */
class UserInfoProvidersTest {
    private static final String TOKEN = "{\"access_token\":\"recorded-access\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
            + "\"refresh_token\":\"recorded-refresh\",\"scope\":\"openid email\"";

    /** One provider's case: its recorded profile, the URL parameters it must send, and the user it must map. */
    record Case(String id, String userInfoPath, String profile, Map<String, String> params, boolean pkce, String name,
            String email, boolean verified, String image) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("spotify", "/v1/me", """
                        {"country":"SE","display_name":"Dj Spot","email":"spot@example.com","id":"wizzler",
                         "images":[{"height":300,"url":"https://i.scdn.co/image/ab67616d","width":300}],"product":"premium","type":"user"}""",
                        Map.of("scope", "user-read-email"), true, "Dj Spot", "spot@example.com", false, "https://i.scdn.co/image/ab67616d"),
                new Case("linkedin", "/v2/userinfo", """
                        {"sub":"782bbtaQ","email_verified":true,"name":"John Doe","locale":{"country":"US","language":"en"},
                         "given_name":"John","family_name":"Doe","email":"doe@email.com","picture":"https://media.licdn.com/dms/image/C5F03AQHqK8v7tB1HCQ/profile"}""",
                        Map.of("scope", "profile email openid"), false, "John Doe", "doe@email.com", true,
                        "https://media.licdn.com/dms/image/C5F03AQHqK8v7tB1HCQ/profile"),
                new Case("slack", "/api/openid.connect.userInfo", """
                        {"ok":true,"sub":"U0R7JM","https://slack.com/user_id":"U0R7JM","https://slack.com/team_id":"T0R7GR",
                         "email":"krane@slack-corp.com","email_verified":true,"date_email_verified":1622128723,"name":"krane",
                         "https://slack.com/user_image_512":"https://secure.gravatar.com/avatar/512.png","given_name":"","family_name":"",
                         "https://slack.com/team_name":"kraneflannel"}""",
                        Map.of("scope", "openid profile email"), false, "krane", "krane@slack-corp.com", true,
                        "https://secure.gravatar.com/avatar/512.png"),
                new Case("huggingface", "/oauth/userinfo", """
                        {"sub":"6421b4d5e2f1","name":"","preferred_username":"julien","profile":"https://huggingface.co/julien",
                         "picture":"https://cdn-avatars.huggingface.co/julien.png","email":"julien@hf.co","email_verified":true,"isPro":false}""",
                        Map.of("scope", "openid profile email"), true, "julien", "julien@hf.co", true,
                        "https://cdn-avatars.huggingface.co/julien.png"),
                new Case("twitch", null, null, Map.of("scope", "user:read:email openid",
                        "claims", "{\"id_token\":{\"email\":null,\"email_verified\":null,\"preferred_username\":null,\"picture\":null}}"),
                        false, "twitchdev", "dev@twitch.tv", true, "https://static-cdn.jtvnw.net/user-default-pictures/profile.png"),
                new Case("figma", "/v1/me", """
                        {"id":"1234567890","email":"figgy@example.com","handle":"Figgy","img_url":"https://s3-alpha.figma.com/profile/abc"}""",
                        Map.of("scope", "current_user:read"), true, "Figgy", "figgy@example.com", false, "https://s3-alpha.figma.com/profile/abc"),
                new Case("atlassian", "/me", """
                        {"account_type":"atlassian","account_id":"112233aa-bb11-cc22-33dd-445566abcabc","email":"mia@example.com",
                         "name":"Mia Krystof","picture":"https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default.png",
                         "account_status":"active","nickname":"mkrystof","locale":"en-US"}""",
                        Map.of("scope", "read:jira-user offline_access", "audience", "api.atlassian.com"), true, "Mia Krystof",
                        "mia@example.com", false, "https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/default.png"),
                new Case("kick", "/public/v1/users", """
                        {"data":[{"email":"streamer@kick.com","name":"streamer","profile_picture":"https://files.kick.com/images/user/1/profile.webp","user_id":123456}],"message":"OK"}""",
                        Map.of("scope", "user:read"), true, "streamer", "streamer@kick.com", false, "https://files.kick.com/images/user/1/profile.webp"),
                new Case("notion", "/v1/users/me", """
                        {"object":"user","id":"16d84278-ab0e-484c-9bdd-b35da3bd8905","name":"pied piper","avatar_url":null,"type":"bot",
                         "bot":{"owner":{"type":"user","user":{"object":"user","id":"5389a034-eb5c-47b5-8a9e-f79c99ef166c","name":"christine makenotion",
                         "avatar_url":"https://s3-us-west-2.amazonaws.com/public.notion-static.com/avatar.png","type":"person",
                         "person":{"email":"christine@makenotion.com"}}},"workspace_name":"Notion"}}""",
                        Map.of("owner", "user"), true, "christine makenotion", "christine@makenotion.com", false,
                        "https://s3-us-west-2.amazonaws.com/public.notion-static.com/avatar.png"),
                new Case("vercel", "/login/oauth/userinfo", """
                        {"sub":"345e869043f1a2c5","email":"vee@vercel.com","email_verified":true,"name":null,
                         "preferred_username":"vee","picture":"https://api.vercel.com/www/avatar/abc"}""",
                        Map.of(), true, "vee", "vee@vercel.com", true, "https://api.vercel.com/www/avatar/abc"),
                new Case("polar", "/v1/oauth2/userinfo", """
                        {"sub":"0f1e2d3c","id":"0f1e2d3c","email":"polly@polar.sh","email_verified":true,"public_name":"Polly",
                         "username":"polly","avatar_url":"https://avatars.polar.sh/polly.png"}""",
                        Map.of("scope", "openid profile email"), true, "Polly", "polly@polar.sh", true, "https://avatars.polar.sh/polly.png"),
                new Case("railway", "/oauth/me", """
                        {"sub":"user_5a1b","email":"rail@example.com","name":"Rail Way","picture":"https://avatars.railway.com/rail.png"}""",
                        Map.of("scope", "openid email profile"), true, "Rail Way", "rail@example.com", false, "https://avatars.railway.com/rail.png"),
                new Case("roblox", "/oauth/v1/userinfo", """
                        {"sub":"1516563360","name":"exampleuser","nickname":"exampleuser","preferred_username":"exampleuser",
                         "created_at":1584682495,"profile":"https://www.roblox.com/users/1516563360/profile",
                         "picture":"https://tr.rbxcdn.com/30DAY-AvatarHeadshot-Png/150/150/AvatarHeadshot/Png"}""",
                        Map.of("scope", "openid profile"), false, "exampleuser", "exampleuser", false,
                        "https://tr.rbxcdn.com/30DAY-AvatarHeadshot-Png/150/150/AvatarHeadshot/Png"),
                new Case("twitter", "/2/users/me", null, Map.of("scope", "users.read tweet.read offline.access users.email"), true,
                        "X Dev", "xdev@example.com", true, "https://pbs.twimg.com/profile_images/xdev_normal.jpg"),
                new Case("reddit", "/api/v1/me", """
                        {"id":"abc123","name":"spez","icon_img":"https://styles.redditmedia.com/t5_6/styles/profileIcon_x.png?width=256&amp;s=1",
                         "has_verified_email":true,"total_karma":100}""",
                        Map.of("scope", "identity"), false, "spez", "abc123@reddit.invalid", false,
                        "https://styles.redditmedia.com/t5_6/styles/profileIcon_x.png"),
                new Case("kakao", "/v2/user/me", """
                        {"id":123456789,"connected_at":"2022-04-11T01:45:28Z","kakao_account":{"profile_nickname_needs_agreement":false,
                         "profile":{"nickname":"홍길동","thumbnail_image_url":"http://yyy.kakao.com/img_110x110.jpg",
                         "profile_image_url":"http://yyy.kakao.com/dn/img_640x640.jpg","is_default_image":false},
                         "email_needs_agreement":false,"is_email_valid":true,"is_email_verified":true,"email":"sample@sample.com"}}""",
                        Map.of("scope", "account_email profile_image profile_nickname"), false, "홍길동", "sample@sample.com", true,
                        "http://yyy.kakao.com/dn/img_640x640.jpg"),
                new Case("naver", "/v1/nid/me", """
                        {"resultcode":"00","message":"success","response":{"email":"openapi@naver.com","nickname":"OpenAPI",
                         "profile_image":"https://ssl.pstatic.net/static/pwe/address/nodata_33x33.gif","age":"40-49","gender":"F",
                         "id":"32742776","name":"오픈 API","birthday":"10-01"}}""",
                        Map.of("scope", "profile email"), false, "오픈 API", "openapi@naver.com", false,
                        "https://ssl.pstatic.net/static/pwe/address/nodata_33x33.gif"),
                new Case("zoom", "/v2/users/me", """
                        {"id":"KDcuGIm1QgePTO8WbOqwIQ","first_name":"Jill","last_name":"Chill","display_name":"Jill Chill",
                         "email":"jchill@example.com","type":1,"role_name":"Owner","pmi":3542471135,"verified":1,
                         "pic_url":"https://example.com/photo.jpg","status":"active"}""",
                        Map.of(), false, "Jill Chill", "jchill@example.com", true, "https://example.com/photo.jpg"),
                new Case("dropbox", "/2/users/get_current_account", """
                        {"account_id":"dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc","name":{"abbreviated_name":"FD","display_name":"Franz Ferdinand (Personal)",
                         "familiar_name":"Franz","given_name":"Franz","surname":"Ferdinand"},"email":"franz@dropbox.com","email_verified":true,
                         "disabled":false,"profile_photo_url":"https://dl-web.dropbox.com/account_photo/get/dbaphid%3AAAHWGmIXV3s"}""",
                        Map.of("scope", "account_info.read"), true, "Franz Ferdinand (Personal)", "franz@dropbox.com", true,
                        "https://dl-web.dropbox.com/account_photo/get/dbaphid%3AAAHWGmIXV3s"),
                new Case("linear", "/graphql", """
                        {"data":{"viewer":{"id":"2a1b3c4d-5e6f","name":"Lin Ear","email":"lin@linear.app",
                         "avatarUrl":"https://public.linear.app/avatar.png","active":true}}}""",
                        Map.of("scope", "read"), false, "Lin Ear", "lin@linear.app", false, "https://public.linear.app/avatar.png"),
                new Case("line", "/oauth2/v2.1/userinfo", """
                        {"sub":"U1234567890abcdef1234567890abcdef","name":"Taro Line","picture":"https://profile.line-scdn.net/abcdefghijklmn","email":"taro@line.me"}""",
                        Map.of("scope", "openid profile email"), true, "Taro Line", "taro@line.me", false, "https://profile.line-scdn.net/abcdefghijklmn"),
                new Case("cognito", "/oauth2/userinfo", """
                        {"sub":"94f8a4d8-1e1a-4b1c-9f2f-3c6f1d2e0a11","email_verified":"true","given_name":"Cog","email":"cog@example.com","username":"cog"}""",
                        Map.of("scope", "openid profile email"), true, "Cog", "cog@example.com", true, null),
                new Case("tiktok", "/v2/user/info/", """
                        {"data":{"user":{"open_id":"723f24d7-e717-40f8-a2b6-cb8464cd23b4","avatar_large_url":"https://p16-sign.tiktokcdn-us.com/large.jpeg",
                         "display_name":"Tik Toker","username":"tiktoker"}},"error":{"code":"ok","message":"","log_id":"20220829194722"}}""",
                        Map.of("scope", "user.info.profile", "client_key", "tiktok-client"), false, "Tik Toker", "tiktoker", false,
                        "https://p16-sign.tiktokcdn-us.com/large.jpeg"),
                new Case("facebook", "/me", """
                        {"id":"10224214123456789","name":"Mark Zuck","email":"mark@example.com",
                         "picture":{"data":{"height":50,"is_silhouette":false,"url":"https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1","width":50}}}""",
                        Map.of("scope", "email public_profile"), false, "Mark Zuck", "mark@example.com", false,
                        "https://platform-lookaside.fbsbx.com/platform/profilepic/?asid=1"),
                new Case("vk", "/oauth2/user_info", """
                        {"user":{"user_id":"1234567890","first_name":"Ivan","last_name":"Ivanov","phone":"79991234567",
                         "avatar":"https://pp.userapi.com/60tZWMo4SmwcploUVl9XEt8ufnTTvDUmQ6Bj1g/mmv1pcj63C4.png","email":"ivan@vk.com",
                         "sex":2,"verified":false,"birthday":"01.01.2000"}}""",
                        Map.of("scope", "email phone"), true, "Ivan Ivanov", "ivan@vk.com", false,
                        "https://pp.userapi.com/60tZWMo4SmwcploUVl9XEt8ufnTTvDUmQ6Bj1g/mmv1pcj63C4.png"),
                new Case("salesforce", "/services/oauth2/userinfo", """
                        {"sub":"https://login.salesforce.com/id/00Dxx0000001gPL/005xx000001Sv6e","user_id":"005xx000001Sv6e",
                         "organization_id":"00Dxx0000001gPL","name":"Sales Force","email":"sf@example.com","email_verified":true,
                         "photos":{"picture":"https://c.salesforce.com/profilephoto/005/F","thumbnail":"https://c.salesforce.com/profilephoto/005/T"}}""",
                        Map.of("scope", "openid email profile"), true, "Sales Force", "sf@example.com", true,
                        "https://c.salesforce.com/profilephoto/005/F"),
                new Case("paypal", "/v1/identity/oauth2/userinfo", """
                        {"user_id":"https://www.paypal.com/webapps/auth/identity/user/mWq6_1sU85v5EG9yHdPxJRrhGHrnMJ-1PQKtX6pcsmA",
                         "name":"identity test","email":"paypal@example.com","email_verified":true}""",
                        Map.of(), true, "identity test", "paypal@example.com", true, null),
                new Case("patreon", "/api/oauth2/v2/identity", """
                        {"data":{"attributes":{"email":"creator@patreon.com","full_name":"Corgi The Dev","image_url":"https://c8.patreon.com/2/200/1",
                         "is_email_verified":true},"id":"123456","type":"user"},"links":{"self":"https://www.patreon.com/api/oauth2/v2/user/123456"}}""",
                        Map.of("scope", "identity[email]"), true, "Corgi The Dev", "creator@patreon.com", true, "https://c8.patreon.com/2/200/1"))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void mapsTheRecordedProfile(Case c) throws Exception {
        try (FakeProvider fake = new FakeProvider()) {
            String idToken = twitchIdToken();
            fake.json("/token", TOKEN + (c.id().equals("twitch") ? ",\"id_token\":\"" + idToken + "\"}" : "}"));
            if (c.id().equals("twitter")) {
                fake.on("/2/users/me", seen -> FakeProvider.Answer.json(seen.query().contains("confirmed_email")
                        ? "{\"data\":{\"id\":\"2244994945\",\"name\":\"X Dev\",\"username\":\"XDevelopers\",\"confirmed_email\":\"xdev@example.com\"}}"
                        : "{\"data\":{\"id\":\"2244994945\",\"name\":\"X Dev\",\"username\":\"XDevelopers\","
                        + "\"profile_image_url\":\"https://pbs.twimg.com/profile_images/xdev_normal.jpg\"}}"));
            } else if (c.id().equals("facebook")) {
                fake.json("/debug_token", "{\"data\":{\"app_id\":\"facebook-client\",\"type\":\"USER\",\"application\":\"Postern\","
                        + "\"is_valid\":true,\"scopes\":[\"email\",\"public_profile\"],\"user_id\":\"10224214123456789\"}}");
                fake.json("/me", c.profile());
            } else if (c.userInfoPath() != null) {
                fake.json(c.userInfoPath(), c.profile());
            }
            SocialProvider provider = BuiltInProviders.create(c.id(), ProviderSettings.of(c.id() + "-client", c.id() + "-secret"),
                    new ProviderEndpoints(fake.base() + "/authorize", fake.base() + "/token",
                            c.userInfoPath() == null ? null : fake.base() + (c.id().equals("facebook") ? "" : c.userInfoPath()),
                            null, null), Clock.systemUTC());
            try (TestPostern auth = TestPostern.builder().database(TestDatabase.SQLITE)
                    .plugins(new SessionPlugin(), new UserPlugin(), new SocialPlugin(SocialOptions.of(List.of(provider)))).start()) {
                TestClient browser = auth.client();
                URI url = URI.create(browser.postJson("/sign-in/social", Map.of("provider", c.id(), "callbackURL", "/home"))
                        .json().get("url").asString());
                Map<String, String> params = SocialFlowTest.query(url);
                TestResponse done = browser.get("/callback/" + c.id() + "?code=recorded-code&state=" + params.get("state")
                        + (c.id().equals("vk") ? "&device_id=vk-device-1" : ""));
                JsonNode user = browser.get("/get-session").json().get("user");

                assertThat(params).containsAllEntriesOf(c.params()).containsEntry("redirect_uri", auth.authUrl() + "/callback/" + c.id());
                // TikTok names the app by client_key, everyone else by client_id.
                assertThat(params.get(c.id().equals("tiktok") ? "client_key" : "client_id")).isEqualTo(c.id() + "-client");
                assertThat(params.containsKey("code_challenge")).isEqualTo(c.pkce());
                assertThat(fake.request("/token").body()).contains("code=recorded-code");
                if (c.id().equals("vk")) {
                    assertThat(fake.request("/token").body()).contains("device_id=vk-device-1");
                    assertThat(fake.request("/oauth2/user_info").body()).contains("access_token=recorded-access");
                }
                boolean basic = List.of("figma", "notion", "railway", "twitter", "reddit", "paypal").contains(c.id());
                assertThat(fake.request("/token").header("Authorization") != null).isEqualTo(basic);
                assertThat(fake.request("/token").body().contains("client_secret=")).isEqualTo(!basic);
                assertThat(fake.request("/token").body().contains((c.id().equals("tiktok") ? "client_key=" : "client_id=")
                        + c.id() + "-client")).isEqualTo(!basic);
                done.assertStatus(302);
                assertThat(user.get("name").asString()).isEqualTo(c.name());
                assertThat(user.get("email").asString()).isEqualTo(c.email());
                assertThat(user.get("emailVerified").asBoolean()).isEqualTo(c.verified());
                if (c.image() == null) {
                    assertThat(user.get("image") == null || user.get("image").isNull()).isTrue();
                } else {
                    assertThat(user.get("image").asString()).isEqualTo(c.image());
                }
            }
        }
    }

    private static String twitchIdToken() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).build(), new JWTClaimsSet.Builder()
                .issuer("https://id.twitch.tv/oauth2").subject("713936733").audience("twitch-client")
                .claim("email", "dev@twitch.tv").claim("email_verified", true).claim("preferred_username", "twitchdev")
                .claim("picture", "https://static-cdn.jtvnw.net/user-default-pictures/profile.png")
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 900_000)).build());
        jwt.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        return jwt.serialize();
    }
}
