package dev.postern.plugin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.api.TokenAndUser;
import dev.postern.plugin.CorePlugins;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.api.PluginApiCallsTest.Jar;
import dev.postern.plugin.emailpassword.EmailPasswordApi;
import dev.postern.plugin.emailpassword.EmailPasswordApi.SignUpEmailRequest;
import dev.postern.plugin.session.SessionApi;
import dev.postern.plugin.twofactor.TwoFactorApi.EnableTwoFactorRequest;
import dev.postern.testkit.TestPostern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link TwoFactorApi}: enabling TOTP through the facade, then verifying a code it generates. */
class TwoFactorApiTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void enablesWithATotpUriAndBackupCodesThenVerifiesATotpCode() {
        List<Plugin> plugins = new ArrayList<>(CorePlugins.defaults());
        plugins.add(new TwoFactorPlugin());
        try (TestPostern auth = TestPostern.start(plugins.toArray(Plugin[]::new))) {
            Jar browser = new Jar().take(EmailPasswordApi.of(auth.postern())
                    .signUpEmail(new SignUpEmailRequest("Ada", "ada@example.com", PASSWORD)));
            TwoFactorApi twoFactor = TwoFactorApi.of(auth.postern());

            var enabled = twoFactor.enableTwoFactor(browser.headers(), new EnableTwoFactorRequest(PASSWORD)).value();
            assertThat(enabled.totpURI()).startsWith("otpauth://totp/");
            assertThat(enabled.backupCodes()).hasSize(10);
            String userId = SessionApi.of(auth.postern()).getSession(browser.headers()).value().user().id();
            assertThat(twoFactor.viewBackupCodes(userId).value().backupCodes())
                    .containsExactlyElementsOf(enabled.backupCodes());
            assertThat(twoFactor.getTOTPURI(browser.headers(), PASSWORD, null).value().totpURI())
                    .isEqualTo(enabled.totpURI());

            // The URI carries the stored secret Base32-encoded; generateTOTP takes the stored secret.
            Matcher secret = Pattern.compile("secret=([A-Z2-7]+)").matcher(enabled.totpURI());
            assertThat(secret.find()).isTrue();
            String code = twoFactor.generateTOTP(new String(Base32.decode(secret.group(1)), StandardCharsets.UTF_8))
                    .value().code();
            assertThat(code).matches("\\d{6}");
            var verifiedResponse = twoFactor.verifyTOTP(browser.headers(), code, null);
            TokenAndUser verified = verifiedResponse.value();
            assertThat(verified.user().id()).isEqualTo(userId);
            browser.take(verifiedResponse); // verifying enables two-factor and rotates the session
            var session = SessionApi.of(auth.postern()).getSession(browser.headers());
            assertThat(session.value().session().token()).isEqualTo(verified.token());
            assertThat(session.json().get("user").get("twoFactorEnabled").asBoolean()).isTrue();
            assertThat(twoFactor.generateBackupCodes(browser.headers(), PASSWORD).value().backupCodes())
                    .hasSize(10).doesNotContainAnyElementsOf(enabled.backupCodes());
        }
    }
}
