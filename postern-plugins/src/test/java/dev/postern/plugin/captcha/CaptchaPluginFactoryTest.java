package dev.postern.plugin.captcha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CaptchaPluginFactoryTest {

    @Test
    void serverFindsThePluginByBetterAuthsId() {
        assertThat(ServiceLoader.load(PluginFactory.class).stream().map(p -> p.get().id())).contains("captcha");
    }

    @Test
    void betterAuthsOptionNamesAreRead() {
        CaptchaOptions options = ((CaptchaPlugin) new CaptchaPluginFactory().create(Map.of(
                "provider", "google-recaptcha", "secretKey", "s", "minScore", 0.7,
                "endpoints", List.of("/sign-up/email", "/sign-in/*"), "expectedAction", "login",
                "allowedHostnames", "a.example, b.example", "siteVerifyURLOverride", "http://127.0.0.1:9/v"))).options();

        assertThat(options.provider()).isEqualTo(CaptchaProvider.GOOGLE_RECAPTCHA);
        assertThat(options.minScore()).isEqualTo(0.7);
        assertThat(options.endpoints()).containsExactly("/sign-up/email", "/sign-in/*");
        assertThat(options.allowedHostnames()).containsExactly("a.example", "b.example");
        assertThat(options.siteVerifyUrl()).isEqualTo(URI.create("http://127.0.0.1:9/v"));
    }

    @Test
    void defaultsAreBetterAuths() {
        CaptchaOptions options = ((CaptchaPlugin) new CaptchaPluginFactory().create(Map.of(
                "provider", "cloudflare-turnstile", "secretKey", "s"))).options();

        assertThat(options.endpoints()).containsExactly("/sign-up/email", "/sign-in/email", "/request-password-reset");
        assertThat(options.minScore()).isEqualTo(0.5);
        assertThat(options.siteVerifyUrl())
                .isEqualTo(URI.create("https://challenges.cloudflare.com/turnstile/v0/siteverify"));
    }

    @Test
    void mistakesStopStartUp() {
        assertThatThrownBy(() -> new CaptchaPluginFactory().create(Map.of("provider", "recaptcha", "secretKey", "s")))
                .hasMessageContaining("provider");
        assertThatThrownBy(() -> new CaptchaPluginFactory().create(Map.of("provider", "hcaptcha")))
                .hasMessageContaining("secretKey");
        assertThatThrownBy(() -> new CaptchaPluginFactory().create(Map.of("secretKey", "s")))
                .hasMessageContaining("provider");
        assertThatThrownBy(() -> new CaptchaPluginFactory().create(Map.of("provider", "hcaptcha", "secretKey", "s",
                "minscore", 1))).hasMessageContaining("minscore");
    }
}
