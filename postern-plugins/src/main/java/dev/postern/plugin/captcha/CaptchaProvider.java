package dev.postern.plugin.captcha;

import java.net.URI;

/** The verification services better-auth's captcha plugin speaks to, by its provider names. */
public enum CaptchaProvider {
    CLOUDFLARE_TURNSTILE("cloudflare-turnstile", "https://challenges.cloudflare.com/turnstile/v0/siteverify"),
    GOOGLE_RECAPTCHA("google-recaptcha", "https://www.google.com/recaptcha/api/siteverify"),
    HCAPTCHA("hcaptcha", "https://api.hcaptcha.com/siteverify"),
    CAPTCHAFOX("captchafox", "https://api.captchafox.com/siteverify");

    private final String id;
    private final URI siteVerifyUrl;

    CaptchaProvider(String id, String siteVerifyUrl) {
        this.id = id;
        this.siteVerifyUrl = URI.create(siteVerifyUrl);
    }

    /** better-auth's name for it ({@code cloudflare-turnstile}). */
    public String id() {
        return id;
    }

    /** The provider's own siteverify URL, used unless {@code siteVerifyURLOverride} is set. */
    public URI siteVerifyUrl() {
        return siteVerifyUrl;
    }
}
