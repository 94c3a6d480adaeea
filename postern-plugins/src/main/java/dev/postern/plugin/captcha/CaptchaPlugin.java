package dev.postern.plugin.captcha;

import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.plugin.RequestInterceptor;
import java.util.List;
import java.util.Objects;

/**
 * Requires a solved captcha on chosen endpoints (by default sign-up, sign-in and password-reset request):
 * better-auth's {@code captcha} plugin for Cloudflare Turnstile, Google reCAPTCHA (v2, and v3 with
 * {@code minScore}), hCaptcha and CaptchaFox. The client sends the widget's token in the
 * {@code x-captcha-response} header; better-auth's client needs nothing else.
 * (better-auth's fifth provider, Vercel BotID, depends on Vercel's runtime and has no counterpart here.)
 */
public final class CaptchaPlugin implements Plugin {
    public static final String ID = "captcha";

    private final CaptchaOptions options;
    private final CaptchaInterceptor interceptor;

    public CaptchaPlugin(CaptchaOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.interceptor = new CaptchaInterceptor(options);
    }

    @Override
    public String id() {
        return ID;
    }

    public CaptchaOptions options() {
        return options;
    }

    @Override
    public List<RequestInterceptor> requestInterceptors() {
        return List.of(interceptor);
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return CaptchaErrorCodes.all();
    }
}
