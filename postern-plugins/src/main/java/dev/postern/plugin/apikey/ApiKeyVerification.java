package dev.postern.plugin.apikey;

import dev.postern.error.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link ApiKeyPlugin#verifyApiKey}: valid with the key as stored after this use (its
 * {@code remaining} and rate-limit counters already counted), or refused with better-auth's error code
 * ({@code INVALID_API_KEY}, {@code KEY_DISABLED}, {@code KEY_EXPIRED}, {@code KEY_NOT_FOUND} for missing
 * permissions, {@code USAGE_EXCEEDED}, {@code RATE_LIMITED}).
 *
 * @param valid whether the key may be used
 * @param errorCode the reason when refused, else null
 * @param errorMessage better-auth's message for {@code errorCode}, else null
 * @param tryAgainInMillis for {@code RATE_LIMITED}, when the window ends; else null
 * @param key the key (every field but the hash; metadata and permissions parsed) when valid, else null
 */
public record ApiKeyVerification(boolean valid, String errorCode, String errorMessage, Long tryAgainInMillis,
                                 Map<String, Object> key) {

    static ApiKeyVerification accepted(Map<String, Object> key) {
        return new ApiKeyVerification(true, null, null, null, key);
    }

    static ApiKeyVerification refused(ApiException e) {
        Long tryAgainIn = e instanceof RateLimitedException limited ? limited.tryAgainInMillis() : null;
        return new ApiKeyVerification(false, e.code(), e.getMessage(), tryAgainIn, null);
    }

    public Optional<Map<String, Object>> keyIfValid() {
        return Optional.ofNullable(key);
    }

    /** The body of better-auth's {@code verifyApiKey}: {@code {valid, error, key}}. */
    Map<String, Object> toResponse() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", valid);
        if (valid) {
            out.put("error", null);
        } else {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", errorMessage);
            error.put("code", errorCode);
            if (tryAgainInMillis != null) {
                error.put("details", Map.of("tryAgainIn", tryAgainInMillis));
            }
            out.put("error", error);
        }
        out.put("key", key);
        return out;
    }
}
