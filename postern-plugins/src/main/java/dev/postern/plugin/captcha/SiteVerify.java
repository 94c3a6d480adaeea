package dev.postern.plugin.captcha;

import dev.postern.json.Json;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Asks the provider's siteverify endpoint about one captcha token and judges the answer as better-auth's
 * verify handlers do. Turnstile gets a JSON body; reCAPTCHA, hCaptcha and CaptchaFox a form. A verifier
 * that cannot be reached within 10 s, answers a non-2xx status or no JSON object is
 * {@link Unavailable}: the caller fails closed.
 */
final class SiteVerify {
    /** better-auth's {@code CAPTCHA_VERIFY_TIMEOUT_MS}: a hanging verifier must not hold requests. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(SiteVerify.class);

    /** The verifier could not give an answer. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final CaptchaOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    SiteVerify(CaptchaOptions options) {
        this.options = options;
    }

    /** Whether {@code token}, solved by a client at {@code remoteIp} (may be null), passes. */
    boolean passes(String token, String remoteIp) {
        JsonNode answer = ask(token, remoteIp);
        boolean success = answer.path("success").asBoolean(false);
        return switch (options.provider()) {
            case CLOUDFLARE_TURNSTILE -> success && actionAndHostnameMatch(answer, "cloudflare-turnstile");
            case GOOGLE_RECAPTCHA -> success && scoreIsHighEnough(answer) && actionAndHostnameMatch(answer, "google-recaptcha");
            case HCAPTCHA, CAPTCHAFOX -> success;
        };
    }

    /** reCAPTCHA v3 answers carry a score; v2 answers do not and pass on {@code success} alone. */
    private boolean scoreIsHighEnough(JsonNode answer) {
        return !answer.path("score").isNumber() || answer.path("score").asDouble() >= options.minScore();
    }

    private boolean actionAndHostnameMatch(JsonNode answer, String provider) {
        if (options.expectedAction() != null && !options.expectedAction().equals(text(answer, "action"))) {
            LOG.warn("{} verification failed: action mismatch", provider);
            return false;
        }
        if (!options.allowedHostnames().isEmpty() && !options.allowedHostnames().contains(text(answer, "hostname"))) {
            LOG.warn("{} verification failed: hostname mismatch", provider);
            return false;
        }
        return true;
    }

    private JsonNode ask(String token, String remoteIp) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("secret", options.secretKey());
        fields.put("response", token);
        if (options.siteKey() != null
                && (options.provider() == CaptchaProvider.HCAPTCHA || options.provider() == CaptchaProvider.CAPTCHAFOX)) {
            fields.put("sitekey", options.siteKey());
        }
        if (remoteIp != null) {
            // CaptchaFox spells it remoteIp, the others remoteip.
            fields.put(options.provider() == CaptchaProvider.CAPTCHAFOX ? "remoteIp" : "remoteip", remoteIp);
        }
        boolean json = options.provider() == CaptchaProvider.CLOUDFLARE_TURNSTILE;
        String body = json ? Json.write(fields) : fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(options.siteVerifyUrl())
                .timeout(TIMEOUT)
                .header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("CAPTCHA service unavailable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("CAPTCHA service unavailable: interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new Unavailable("CAPTCHA service unavailable: status " + response.statusCode(), null);
        }
        try {
            JsonNode answer = Json.parse(response.body());
            if (answer == null || !answer.isObject()) {
                throw new Unavailable("CAPTCHA service unavailable: no JSON object", null);
            }
            return answer;
        } catch (RuntimeException notJson) {
            if (notJson instanceof Unavailable unavailable) {
                throw unavailable;
            }
            throw new Unavailable("CAPTCHA service unavailable: unreadable answer", notJson);
        }
    }

    private static String text(JsonNode answer, String field) {
        return answer.path(field).isString() ? answer.path(field).asString() : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
