package dev.postern.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.api.ApiResponse;
import dev.postern.api.SessionAndUser;
import dev.postern.api.TokenAndUser;
import dev.postern.error.ApiException;
import dev.postern.http.Cookie;
import dev.postern.http.Headers;
import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.admin.AdminApi;
import dev.postern.plugin.admin.AdminApi.BanUserRequest;
import dev.postern.plugin.admin.AdminApi.CreateUserRequest;
import dev.postern.plugin.admin.AdminApi.ListUsersRequest;
import dev.postern.plugin.admin.AdminOptions;
import dev.postern.plugin.admin.AdminPlugin;
import dev.postern.plugin.anonymous.AnonymousApi;
import dev.postern.plugin.anonymous.AnonymousPlugin;
import dev.postern.plugin.apikey.ApiKeyApi;
import dev.postern.plugin.apikey.ApiKeyApi.CreateApiKeyRequest;
import dev.postern.plugin.apikey.ApiKeyPlugin;
import dev.postern.plugin.emailotp.EmailOtpApi;
import dev.postern.plugin.emailotp.EmailOtpApi.SignInEmailOtpRequest;
import dev.postern.plugin.emailotp.EmailOtpPlugin;
import dev.postern.plugin.emailpassword.EmailPasswordApi;
import dev.postern.plugin.emailpassword.EmailPasswordApi.SignUpEmailRequest;
import dev.postern.plugin.jwt.JwtApi;
import dev.postern.plugin.jwt.JwtPlugin;
import dev.postern.plugin.magiclink.MagicLinkApi;
import dev.postern.plugin.magiclink.MagicLinkApi.MagicLinkVerifyRequest;
import dev.postern.plugin.magiclink.MagicLinkApi.SignInMagicLinkRequest;
import dev.postern.plugin.magiclink.MagicLinkOptions;
import dev.postern.plugin.magiclink.MagicLinkPlugin;
import dev.postern.plugin.magiclink.MagicLinkSender.MagicLink;
import dev.postern.plugin.multisession.MultiSessionApi;
import dev.postern.plugin.multisession.MultiSessionPlugin;
import dev.postern.plugin.onetimetoken.OneTimeTokenApi;
import dev.postern.plugin.onetimetoken.OneTimeTokenPlugin;
import dev.postern.plugin.openapi.OpenApiApi;
import dev.postern.plugin.openapi.OpenApiPlugin;
import dev.postern.plugin.phonenumber.PhoneNumberApi;
import dev.postern.plugin.phonenumber.PhoneNumberApi.VerifyPhoneNumberRequest;
import dev.postern.plugin.phonenumber.PhoneNumberOptions;
import dev.postern.plugin.phonenumber.PhoneNumberPlugin;
import dev.postern.plugin.username.UsernameApi;
import dev.postern.plugin.username.UsernameApi.SignInUsernameRequest;
import dev.postern.plugin.username.UsernamePlugin;
import dev.postern.testkit.TestPostern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One short flow through each plugin's typed facade on SQLite, asserting the typed answers (the two-factor,
 * passkey and one-tap facades are exercised in their own packages, beside their test helpers).
 */
public class PluginApiCallsTest {
    private static final String PASSWORD = "correct horse battery";

    private static TestPostern start(Plugin... plugins) {
        List<Plugin> all = new ArrayList<>(CorePlugins.defaults());
        all.addAll(List.of(plugins));
        return TestPostern.start(all.toArray(Plugin[]::new));
    }

    /** Signs up through the typed API; returns the browser's cookies. */
    private static Jar signUp(TestPostern auth, String email, Map<String, Object> extra) {
        var signedUp = EmailPasswordApi.of(auth.postern()).signUpEmail(
                new SignUpEmailRequest("Ada", email, PASSWORD, null, null, null, extra));
        return new Jar().take(signedUp);
    }

    @Test
    void usernameSignsInAndReportsTakenUsernames() {
        try (TestPostern auth = start(new UsernamePlugin())) {
            signUp(auth, "ada@example.com", Map.of("username", "Ada_L"));
            UsernameApi usernames = UsernameApi.of(auth.postern());

            assertThat(usernames.isUsernameAvailable("ada_l").value().available()).isFalse();
            assertThat(usernames.isUsernameAvailable("grace").value().available()).isTrue();
            var signedIn = usernames.signInUsername(new SignInUsernameRequest("ada_l", PASSWORD));
            assertThat(signedIn.value().user().email()).isEqualTo("ada@example.com");
            assertThat(signedIn.value().token()).hasSize(32);
            assertThatThrownBy(() -> usernames.signInUsername(new SignInUsernameRequest("ada_l", "wrong password")))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo("INVALID_USERNAME_OR_PASSWORD"));
        }
    }

    @Test
    void adminCreatesListsAndBansUsers() {
        try (TestPostern auth = start(new AdminPlugin(AdminOptions.builder()
                .adminEmails(List.of("root@example.com")).build()))) {
            Jar admin = signUp(auth, "root@example.com", null);
            AdminApi admins = AdminApi.of(auth.postern());

            var created = admins.createUser(admin.headers(),
                    new CreateUserRequest("grace@example.com", PASSWORD, "Grace")).value().user();
            assertThat(created.role()).isEqualTo("user");
            var listed = admins.listUsers(admin.headers(), ListUsersRequest.page(10, 0)).value();
            assertThat(listed.total()).isEqualTo(2);
            assertThat(listed.users()).extracting(AdminApi.AdminUser::email)
                    .containsExactlyInAnyOrder("root@example.com", "grace@example.com");
            assertThat(admins.banUser(admin.headers(), new BanUserRequest(created.id(), "spam", null))
                    .value().user().banned()).isTrue();
            assertThat(admins.getUser(admin.headers(), created.id()).value().banReason()).isEqualTo("spam");
            assertThat(admins.userHasPermission(admin.headers(),
                    new AdminApi.HasPermissionRequest(null, null, Map.of("user", List.of("ban")))).value().success())
                    .isTrue();

            assertThat(admins.unbanUser(admin.headers(), created.id()).value().user().banned()).isFalse();
            var impersonating = admins.impersonateUser(admin.headers(), created.id());
            assertThat(impersonating.value().session().userId()).isEqualTo(created.id());
            admin.take(impersonating); // the browser now holds Grace's session and keeps the admin's aside
            assertThat(admins.stopImpersonating(admin.headers()).value().user().email()).isEqualTo("root@example.com");

            Jar user = signUp(auth, "linus@example.com", null);
            assertThatThrownBy(() -> admins.listUsers(user.headers(), ListUsersRequest.page(null, null)))
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.code()).isEqualTo("YOU_ARE_NOT_ALLOWED_TO_LIST_USERS"));
        }
    }

    @Test
    void anonymousSignsInAndDeletesItself() {
        try (TestPostern auth = start(new AnonymousPlugin())) {
            AnonymousApi anonymous = AnonymousApi.of(auth.postern());

            var signedIn = anonymous.signInAnonymous(Headers.empty());
            assertThat(signedIn.value().token()).hasSize(32);
            assertThat(signedIn.json().get("user").get("isAnonymous").asBoolean()).isTrue();
            Jar browser = new Jar().take(signedIn);
            assertThat(anonymous.deleteAnonymousUser(browser.headers()).value().success()).isTrue();
            assertThat(auth.postern().users().findById(signedIn.value().user().id())).isEmpty();
        }
    }

    @Test
    void multiSessionListsAndSwitchesTheBrowsersSessions() {
        try (TestPostern auth = start(new MultiSessionPlugin())) {
            Jar browser = signUp(auth, "ada@example.com", null);
            browser.take(EmailPasswordApi.of(auth.postern()).signUpEmail(
                    new SignUpEmailRequest("Grace", "grace@example.com", PASSWORD)));
            MultiSessionApi multi = MultiSessionApi.of(auth.postern());

            List<SessionAndUser> sessions = multi.listDeviceSessions(browser.headers()).value();
            assertThat(sessions).extracting(s -> s.user().email())
                    .containsExactlyInAnyOrder("ada@example.com", "grace@example.com");
            String adaToken = sessions.stream().filter(s -> s.user().email().equals("ada@example.com"))
                    .findFirst().orElseThrow().session().token();
            var switched = multi.setActiveSession(browser.headers(), adaToken);
            assertThat(switched.value().user().email()).isEqualTo("ada@example.com");
            assertThat(multi.revokeDeviceSession(browser.take(switched).headers(), adaToken).value().status()).isTrue();
        }
    }

    @Test
    void oneTimeTokenIsGeneratedForASessionAndRedeemedOnce() {
        try (TestPostern auth = start(new OneTimeTokenPlugin())) {
            Jar browser = signUp(auth, "ada@example.com", null);
            OneTimeTokenApi tokens = OneTimeTokenApi.of(auth.postern());

            String token = tokens.generateOneTimeToken(browser.headers()).value().token();
            SessionAndUser redeemed = tokens.verifyOneTimeToken(token).value();
            assertThat(redeemed.user().email()).isEqualTo("ada@example.com");
            assertThatThrownBy(() -> tokens.verifyOneTimeToken(token)).isInstanceOf(ApiException.class);
        }
    }

    @Test
    void jwtIssuesATokenForTheSessionThatVerifiesAgainstItsKeys() {
        try (TestPostern auth = start(new JwtPlugin())) {
            Jar browser = signUp(auth, "ada@example.com", null);
            JwtApi jwt = JwtApi.of(auth.postern());

            String token = jwt.getToken(browser.headers()).value().token();
            assertThat(jwt.verifyJWT(token, null).value().payload()).containsEntry("email", "ada@example.com");
            assertThat(jwt.getJwks().value().keys()).isNotEmpty().allSatisfy(k -> assertThat(k).containsKey("kid"));
            String signed = jwt.signJWT(Map.of("sub", "service-1"), null).value().token();
            assertThat(jwt.verifyJWT(signed, null).value().payload()).containsEntry("sub", "service-1");
            assertThat(jwt.verifyJWT("not.a.jwt", null).value().payload()).isNull();
        }
    }

    @Test
    void apiKeyIsCreatedListedAndVerified() {
        try (TestPostern auth = start(new ApiKeyPlugin())) {
            Jar browser = signUp(auth, "ada@example.com", null);
            ApiKeyApi keys = ApiKeyApi.of(auth.postern());

            var created = keys.createApiKey(browser.headers(), CreateApiKeyRequest.named("ci")).value();
            assertThat(created.key()).isNotBlank();
            assertThat(created.name()).isEqualTo("ci");
            var verified = keys.verifyApiKey(created.key(), null, null).value();
            assertThat(verified.valid()).isTrue();
            assertThat(verified.key().id()).isEqualTo(created.id());
            assertThat(verified.key().key()).isNull();
            assertThat(keys.listApiKeys(browser.headers(), null).value().apiKeys())
                    .extracting(ApiKeyApi.ApiKey::id).containsExactly(created.id());
            assertThat(keys.deleteApiKey(browser.headers(), created.id(), null).value().success()).isTrue();
            assertThat(keys.verifyApiKey(created.key(), null, null).value().valid()).isFalse();
        }
    }

    @Test
    void magicLinkIsSentAndVerifiedIntoASession() {
        List<MagicLink> sent = new ArrayList<>();
        try (TestPostern auth = start(new MagicLinkPlugin(MagicLinkOptions.builder()
                .sendMagicLink((link, ctx) -> sent.add(link)).build()))) {
            MagicLinkApi magicLinks = MagicLinkApi.of(auth.postern());

            assertThat(magicLinks.signInMagicLink(Headers.empty(), new SignInMagicLinkRequest("ada@example.com"))
                    .value().status()).isTrue();
            assertThat(sent).singleElement().extracting(MagicLink::email).isEqualTo("ada@example.com");
            var verified = magicLinks.magicLinkVerify(Headers.empty(),
                    new MagicLinkVerifyRequest(sent.get(0).token())).value();
            assertThat(verified.user().email()).isEqualTo("ada@example.com");
            assertThat(verified.session().userId()).isEqualTo(verified.user().id());
            assertThat(verified.token()).isEqualTo(verified.session().token());
        }
    }

    @Test
    void emailOtpCreatedOnTheServerSignsIn() {
        try (TestPostern auth = start(new EmailOtpPlugin())) {
            signUp(auth, "ada@example.com", null);
            EmailOtpApi otps = EmailOtpApi.of(auth.postern());

            String otp = otps.createVerificationOTP("ada@example.com", "sign-in").value();
            assertThat(otp).matches("\\d{6}");
            assertThat(otps.getVerificationOTP("ada@example.com", "sign-in").value().otp()).isEqualTo(otp);
            assertThat(otps.checkVerificationOTP("ada@example.com", "sign-in", otp).value().success()).isTrue();
            TokenAndUser signedIn = otps.signInEmailOTP(Headers.empty(),
                    new SignInEmailOtpRequest("ada@example.com", otp)).value();
            assertThat(signedIn.token()).hasSize(32);
            assertThat(signedIn.user().email()).isEqualTo("ada@example.com");
        }
    }

    @Test
    void phoneNumberCodeVerifiesTheNumberIntoANewUser() {
        Map<String, String> texts = new LinkedHashMap<>();
        try (TestPostern auth = start(new PhoneNumberPlugin(PhoneNumberOptions.withSender(texts::put)
                .withSignUpOnVerification(new PhoneNumberOptions.SignUpOnVerification(
                        n -> n.substring(1) + "@phone.example.com", null))))) {
            PhoneNumberApi phones = PhoneNumberApi.of(auth.postern());

            assertThat(phones.sendPhoneNumberOTP("+15555550100").value().message()).isNotBlank();
            Matcher code = Pattern.compile("(\\d{6})").matcher(texts.get("+15555550100"));
            assertThat(code.find()).isTrue();
            var verified = phones.verifyPhoneNumber(Headers.empty(),
                    new VerifyPhoneNumberRequest("+15555550100", code.group(1))).value();
            assertThat(verified.status()).isTrue();
            assertThat(verified.token()).hasSize(32);
            assertThat(auth.postern().users().findById(verified.user().id()).orElseThrow()
                    .string("phoneNumber")).isEqualTo("+15555550100");
            phones.sendPhoneNumberOTP("+15555550100");
            Matcher second = Pattern.compile("(\\d{6})").matcher(texts.get("+15555550100"));
            assertThat(second.find()).isTrue();
            assertThat(phones.consumePhoneNumberOTP("+15555550100", second.group(1)).value().status()).isTrue();
            assertThatThrownBy(() -> phones.consumePhoneNumberOTP("+15555550100", second.group(1)))
                    .isInstanceOf(ApiException.class);
        }
    }

    @Test
    void openApiDocumentsTheRoutedEndpoints() {
        try (TestPostern auth = start(new OpenApiPlugin())) {
            var schema = OpenApiApi.of(auth.postern()).generateOpenAPISchema().value();
            assertThat(schema.openapi()).startsWith("3.");
            assertThat(schema.paths()).containsKey("/sign-in/email");
            assertThat(OpenApiApi.of(auth.postern()).openAPIReference().value()).isNotNull();
        }
    }

    /** A browser's cookie jar: what the responses set, sent back as a {@code Cookie} header. */
    public static final class Jar {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        public Jar take(ApiResponse<?> response) {
            for (Cookie cookie : response.cookies()) {
                if (cookie.value().isEmpty() || (cookie.maxAge() != null && cookie.maxAge().isZero())) {
                    cookies.remove(cookie.name());
                } else {
                    cookies.put(cookie.name(), cookie.value());
                }
            }
            return this;
        }

        public Headers headers() {
            return Headers.of("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
    }
}
