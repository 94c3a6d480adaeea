package dev.postern.plugin.apikey;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.api.SuccessResponse;
import dev.postern.http.Headers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code api-key} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.createApiKey({body, headers})}, {@code auth.api.verifyApiKey({body})}).
 * Fields marked server-only in better-auth ({@code userId}, {@code remaining}, refill and rate-limit
 * settings) are accepted here, as the caller is the server.
 */
public final class ApiKeyApi {
    private final PosternApi api;

    public ApiKeyApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static ApiKeyApi of(Postern postern) {
        return new ApiKeyApi(postern.api());
    }

    /**
     * An API key as endpoints return it, never with its hash; {@code key} is the plain key, present only in
     * {@code createApiKey}'s answer. Intervals and windows are milliseconds.
     */
    public record ApiKey(String id, String configId, String name, String start, String prefix, String key,
                         String referenceId, boolean enabled, Long remaining, Long refillInterval, Long refillAmount,
                         Instant lastRefillAt, boolean rateLimitEnabled, Long rateLimitTimeWindow, Long rateLimitMax,
                         long requestCount, Instant lastRequest, Instant expiresAt, Instant createdAt,
                         Instant updatedAt, Map<String, List<String>> permissions, Object metadata) {
    }

    /** {@code createApiKey}'s body; {@code expiresIn} is seconds. */
    public record CreateApiKeyRequest(String configId, String name, Long expiresIn, String prefix, Long remaining,
                                      Object metadata, Long refillAmount, Long refillInterval,
                                      Long rateLimitTimeWindow, Long rateLimitMax, Boolean rateLimitEnabled,
                                      Map<String, List<String>> permissions, String userId, String organizationId) {
        /** A named key for the signed-in user, with every other setting left to the configuration. */
        public static CreateApiKeyRequest named(String name) {
            return new CreateApiKeyRequest(null, name, null, null, null, null, null, null, null, null, null, null,
                    null, null);
        }
    }

    /** {@code updateApiKey}'s body; null components are left unchanged. */
    public record UpdateApiKeyRequest(String configId, String keyId, String userId, String name, Boolean enabled,
                                      Long remaining, Long refillAmount, Long refillInterval, Object metadata,
                                      Long expiresIn, Boolean rateLimitEnabled, Long rateLimitTimeWindow,
                                      Long rateLimitMax, Map<String, List<String>> permissions) {
    }

    /** {@code listApiKeys}'s query. */
    public record ListApiKeysRequest(String configId, String organizationId, Integer limit, Integer offset,
                                     String sortBy, String sortDirection) {
    }

    public record ListApiKeysResponse(List<ApiKey> apiKeys, Long total, Integer limit, Integer offset) {
    }

    /** An error in {@code verifyApiKey}'s or {@code deleteAllExpiredApiKeys}' answer body. */
    public record KeyError(String message, String code, Map<String, Object> details) {
    }

    /** Whether the key is valid, why not, and the key (without its secret) when it is. */
    public record VerifyApiKeyResponse(boolean valid, KeyError error, ApiKey key) {
    }

    /** {@code {success, error}}: a failure is reported in the body, as in better-auth. */
    public record DeleteExpiredResponse(boolean success, KeyError error) {
    }

    public ApiResponse<ApiKey> createApiKey(Headers headers, CreateApiKeyRequest request) {
        return api.call("createApiKey", ApiCall.empty().withBody(request).withHeaders(headers), ApiKey.class);
    }

    /** One key of the signed-in user; {@code configId} may be null. */
    public ApiResponse<ApiKey> getApiKey(Headers headers, String id, String configId) {
        Map<String, String> query = configId == null ? Map.of("id", id) : Map.of("id", id, "configId", configId);
        return api.call("getApiKey", ApiCall.empty().withQuery(query).withHeaders(headers), ApiKey.class);
    }

    public ApiResponse<ListApiKeysResponse> listApiKeys(Headers headers, ListApiKeysRequest request) {
        ApiCall call = ApiCall.empty().withHeaders(headers);
        return api.call("listApiKeys", request == null ? call : call.withQuery(request), ListApiKeysResponse.class);
    }

    public ApiResponse<SuccessResponse> deleteApiKey(Headers headers, String keyId, String configId) {
        Map<String, String> body = configId == null ? Map.of("keyId", keyId)
                : Map.of("keyId", keyId, "configId", configId);
        return api.call("deleteApiKey", ApiCall.body(body).withHeaders(headers), SuccessResponse.class);
    }

    public ApiResponse<ApiKey> updateApiKey(Headers headers, UpdateApiKeyRequest request) {
        return api.call("updateApiKey", ApiCall.empty().withBody(request).withHeaders(headers), ApiKey.class);
    }

    /**
     * Server only: checks a key (and, when given, that it has {@code permissions}); counts a use and
     * applies its rate limit. {@code permissions} and {@code configId} may be null.
     */
    public ApiResponse<VerifyApiKeyResponse> verifyApiKey(String key, Map<String, List<String>> permissions,
                                                          String configId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("key", key);
        if (permissions != null) {
            body.put("permissions", permissions);
        }
        if (configId != null) {
            body.put("configId", configId);
        }
        return api.call("verifyApiKey", ApiCall.body(body), VerifyApiKeyResponse.class);
    }

    /** Server only: deletes every expired key now. */
    public ApiResponse<DeleteExpiredResponse> deleteAllExpiredApiKeys() {
        return api.call("deleteAllExpiredApiKeys", ApiCall.empty(), DeleteExpiredResponse.class);
    }
}
