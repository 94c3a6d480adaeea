package dev.postern.plugin.captcha;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Enables {@link CaptchaPlugin} in the standalone server ({@code POSTERN_PLUGINS=captcha} with its options
 * in the file), with better-auth's option names:
 * <pre>{@code
 * plugins:
 *   captcha:
 *     provider: cloudflare-turnstile   # google-recaptcha, hcaptcha, captchafox
 *     secretKey: 0x4AAAAAAA...
 *     endpoints: [/sign-up/email, /sign-in/email, /request-password-reset]   # the default
 *     minScore: 0.5                    # google-recaptcha v3
 *     siteKey: ...                     # hcaptcha, captchafox
 *     expectedAction: login            # cloudflare-turnstile, google-recaptcha
 *     allowedHostnames: [app.example.com]
 *     siteVerifyURLOverride: https://...
 * }</pre>
 */
public final class CaptchaPluginFactory implements PluginFactory {
    @Override
    public String id() {
        return CaptchaPlugin.ID;
    }

    @Override
    public String description() {
        return "Captcha (Turnstile, reCAPTCHA, hCaptcha, CaptchaFox) on sign-up, sign-in and password reset";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        CaptchaProvider provider = options.choice("provider", CaptchaProvider.class, null);
        String secretKey = options.string("secretKey", null);
        List<String> endpoints = options.strings("endpoints");
        String override = options.string("siteVerifyURLOverride", null);
        double minScore = options.decimal("minScore", CaptchaOptions.DEFAULT_MIN_SCORE);
        String siteKey = options.string("siteKey", null);
        String expectedAction = options.string("expectedAction", null);
        List<String> allowedHostnames = options.strings("allowedHostnames");
        options.rejectUnknown();
        if (provider == null) {
            throw new IllegalArgumentException("captcha: provider is required: cloudflare-turnstile, google-recaptcha, "
                    + "hcaptcha or captchafox");
        }
        return new CaptchaPlugin(new CaptchaOptions(provider, secretKey, endpoints,
                override == null ? null : URI.create(override), minScore, siteKey, expectedAction, allowedHostnames));
    }
}
