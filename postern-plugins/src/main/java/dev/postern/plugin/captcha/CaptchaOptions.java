package dev.postern.plugin.captcha;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Options of the {@code captcha} plugin, as better-auth's {@code captcha({...})} takes them.
 *
 * @param provider the verification service
 * @param secretKey the server-side secret for it
 * @param endpoints paths (globs allowed) that need a captcha; empty means better-auth's defaults
 *     {@code /sign-up/email}, {@code /sign-in/email}, {@code /request-password-reset}
 * @param siteVerifyURLOverride verify against this URL instead of the provider's (a proxy, a test double)
 * @param minScore reCAPTCHA v3: lowest score accepted (0.5)
 * @param siteKey hCaptcha and CaptchaFox: sent as {@code sitekey} so the token must be for this site
 * @param expectedAction Turnstile and reCAPTCHA: the action the widget must have declared
 * @param allowedHostnames Turnstile and reCAPTCHA: hostnames a solved challenge may come from; empty allows any
 */
public record CaptchaOptions(CaptchaProvider provider, String secretKey, List<String> endpoints, URI siteVerifyURLOverride,
                             double minScore, String siteKey, String expectedAction, List<String> allowedHostnames) {
    public static final List<String> DEFAULT_ENDPOINTS = List.of("/sign-up/email", "/sign-in/email", "/request-password-reset");
    public static final double DEFAULT_MIN_SCORE = 0.5;

    public CaptchaOptions {
        Objects.requireNonNull(provider, "provider");
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("captcha: secretKey is required");
        }
        endpoints = endpoints == null || endpoints.isEmpty() ? DEFAULT_ENDPOINTS : List.copyOf(endpoints);
        allowedHostnames = allowedHostnames == null ? List.of() : List.copyOf(allowedHostnames);
    }

    /** better-auth's defaults for {@code provider}. */
    public static CaptchaOptions of(CaptchaProvider provider, String secretKey) {
        return new CaptchaOptions(provider, secretKey, null, null, DEFAULT_MIN_SCORE, null, null, null);
    }

    public CaptchaOptions withSiteVerifyURLOverride(URI url) {
        return new CaptchaOptions(provider, secretKey, endpoints, url, minScore, siteKey, expectedAction, allowedHostnames);
    }

    public CaptchaOptions withEndpoints(List<String> paths) {
        return new CaptchaOptions(provider, secretKey, paths, siteVerifyURLOverride, minScore, siteKey, expectedAction,
                allowedHostnames);
    }

    public CaptchaOptions withMinScore(double score) {
        return new CaptchaOptions(provider, secretKey, endpoints, siteVerifyURLOverride, score, siteKey, expectedAction,
                allowedHostnames);
    }

    public CaptchaOptions withSiteKey(String key) {
        return new CaptchaOptions(provider, secretKey, endpoints, siteVerifyURLOverride, minScore, key, expectedAction,
                allowedHostnames);
    }

    public CaptchaOptions withExpectedAction(String action, List<String> hostnames) {
        return new CaptchaOptions(provider, secretKey, endpoints, siteVerifyURLOverride, minScore, siteKey, action, hostnames);
    }

    URI siteVerifyUrl() {
        return siteVerifyURLOverride != null ? siteVerifyURLOverride : provider.siteVerifyUrl();
    }
}
