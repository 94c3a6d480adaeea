package dev.postern.plugin.emailotp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.RateLimitRule;
import dev.postern.plugin.magiclink.MagicLinkOptions;
import dev.postern.plugin.magiclink.MagicLinkPlugin;
import dev.postern.plugin.magiclink.MagicLinkPluginFactory;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Both passwordless plugins are enabled by id, with better-auth's option names and defaults. */
class EmailOtpPluginFactoryTest {

    @Test
    void theServiceLoaderFindsBothFactories() {
        assertThat(ServiceLoader.load(PluginFactory.class).stream().map(p -> p.get().id()))
                .contains(EmailOtpPlugin.ID, MagicLinkPlugin.ID);
    }

    @Test
    void emailOtpOptionsFromYaml() {
        EmailOtpOptions options = ((EmailOtpPlugin) new EmailOtpPluginFactory().create(Map.of(
                "otpLength", 8, "expiresIn", 600, "allowedAttempts", 5, "storeOTP", "encrypted",
                "resendStrategy", "reuse", "disableSignUp", true, "overrideDefaultEmailVerification", true,
                "changeEmail", Map.of("enabled", true, "verifyCurrentEmail", true),
                "rateLimit", Map.of("window", 120, "max", 10)))).options();

        assertThat(options.otpLength()).isEqualTo(8);
        assertThat(options.expiresIn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.allowedAttempts()).isEqualTo(5);
        assertThat(options.storeOTP()).isSameAs(OtpStorage.ENCRYPTED);
        assertThat(options.resendStrategy()).isEqualTo(EmailOtpOptions.ResendStrategy.REUSE);
        assertThat(options.disableSignUp()).isTrue();
        assertThat(options.overrideDefaultEmailVerification()).isTrue();
        assertThat(options.changeEmail()).isEqualTo(new EmailOtpOptions.ChangeEmail(true, true));
        assertThat(new EmailOtpPlugin(options).rateLimitRules()).hasSize(9)
                .allMatch(rule -> rule.window().equals(Duration.ofSeconds(120)) && rule.max() == 10);
    }

    @Test
    void emailOtpDefaultsAreBetterAuths() {
        EmailOtpPlugin plugin = (EmailOtpPlugin) new EmailOtpPluginFactory().create(Map.of());

        assertThat(plugin.options().otpLength()).isEqualTo(6);
        assertThat(plugin.options().expiresIn()).isEqualTo(Duration.ofMinutes(5));
        assertThat(plugin.options().allowedAttempts()).isEqualTo(3);
        assertThat(plugin.options().storeOTP()).isSameAs(OtpStorage.PLAIN);
        assertThat(plugin.options().resendStrategy()).isEqualTo(EmailOtpOptions.ResendStrategy.ROTATE);
        assertThat(plugin.rateLimitRules()).extracting(RateLimitRule::pathPattern)
                .contains("/email-otp/send-verification-otp", "/sign-in/email-otp", "/forget-password/email-otp");
        assertThat(plugin.rateLimitRules()).allMatch(rule -> rule.window().equals(Duration.ofMinutes(1)) && rule.max() == 3);
    }

    @Test
    void magicLinkOptionsFromYaml() {
        MagicLinkPlugin plugin = (MagicLinkPlugin) new MagicLinkPluginFactory().create(Map.of(
                "expiresIn", 900, "disableSignUp", true, "storeToken", "hashed", "rateLimit", Map.of("max", 10)));

        assertThat(plugin.options().expiresIn()).isEqualTo(Duration.ofMinutes(15));
        assertThat(plugin.options().disableSignUp()).isTrue();
        assertThat(plugin.options().storeToken()).isSameAs(MagicLinkOptions.HASHED);
        assertThat(plugin.rateLimitRules()).extracting(RateLimitRule::pathPattern)
                .containsExactly("/sign-in/magic-link*", "/magic-link/verify*");
        assertThat(plugin.rateLimitRules()).allMatch(rule -> rule.window().equals(Duration.ofMinutes(1)) && rule.max() == 10);
        assertThat(((MagicLinkPlugin) new MagicLinkPluginFactory().create(Map.of())).options().storeToken())
                .isSameAs(MagicLinkOptions.PLAIN);
        // Accepted and ignored, as better-auth does: a link is always single-use.
        assertThat(new MagicLinkPluginFactory().create(Map.of("allowedAttempts", 3))).isInstanceOf(MagicLinkPlugin.class);
    }

    @Test
    void typosAndUnknownValuesStopStartUpNamingTheKey() {
        assertThatThrownBy(() -> new EmailOtpPluginFactory().create(Map.of("otpLenght", 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("otpLenght");
        assertThatThrownBy(() -> new EmailOtpPluginFactory().create(Map.of("storeOTP", "rot13")))
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> new EmailOtpPluginFactory().create(Map.of("changeEmail", Map.of("enable", true))))
                .hasMessageContaining("changeEmail.enable");
        assertThatThrownBy(() -> new MagicLinkPluginFactory().create(Map.of("storeToken", "encrypted")))
                .hasMessageContaining("hashed");
        assertThatThrownBy(() -> new MagicLinkPluginFactory().create(Map.of("sendMagicLink", "x")))
                .hasMessageContaining("sendMagicLink");
    }
}
