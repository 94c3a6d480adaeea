package dev.postern.plugin.apikey;

import dev.postern.Postern;
import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Hook;
import dev.postern.error.ApiException;
import dev.postern.error.ErrorCode;
import dev.postern.plugin.Plugin;
import dev.postern.schema.SchemaContribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * better-auth's {@code @better-auth/api-key} plugin (1.7.5): users create keys for their scripts and
 * services ({@code /api-key/create}, {@code get}, {@code update}, {@code delete}, {@code list}); servers
 * verify them ({@link #verifyApiKey}) with optional permissions, usage limits with refills and a per-key
 * rate limit; with {@code enableSessionForAPIKeys} a key in {@code x-api-key} authenticates any request as
 * its owner. Keys are stored as better-auth stores them (SHA-256, base64url), so keys made by either
 * verify on the other.
 *
 * <pre>{@code
 * Postern.create(PosternConfig.builder()...plugins(new ApiKeyPlugin(ApiKeyOptions.defaults()
 *         .withEnableSessionForAPIKeys(true))).build());
 * ApiKeyVerification check = postern.plugin(ApiKeyPlugin.class).orElseThrow()
 *         .verifyApiKey(key, Map.of("files", List.of("read")));
 * }</pre>
 */
public final class ApiKeyPlugin implements Plugin {
    public static final String ID = "api-key";

    private final ApiKeyOptions options;
    private volatile ApiKeyService service;

    public ApiKeyPlugin() {
        this(ApiKeyOptions.defaults());
    }

    public ApiKeyPlugin(ApiKeyOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String id() {
        return ID;
    }

    public ApiKeyOptions options() {
        return options;
    }

    @Override
    public void init(Postern postern) {
        service = new ApiKeyService(postern, options);
    }

    ApiKeyService service() {
        ApiKeyService current = service;
        if (current == null) {
            throw new IllegalStateException("api-key plugin used before Postern initialised it");
        }
        return current;
    }

    @Override
    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.add(CreateApiKeyEndpoint.endpoint(this));
        endpoints.addAll(OwnerApiKeyEndpoints.endpoints(this));
        endpoints.add(UpdateApiKeyEndpoint.endpoint(this));
        endpoints.addAll(ServerApiKeyEndpoints.endpoints(this));
        return endpoints;
    }

    @Override
    public List<Hook> beforeHooks() {
        if (!options.enableSessionForAPIKeys()) {
            return List.of();
        }
        return List.of(new Hook(ctx -> ApiKeySessionHook.keyOf(ctx, options).isPresent(), new ApiKeySessionHook(this)));
    }

    @Override
    public SchemaContribution schema() {
        return ApiKeySchema.contribution(options);
    }

    @Override
    public List<ErrorCode> errorCodes() {
        return ApiKeyErrorCodes.ALL;
    }

    /**
     * Verifies {@code key} and, when {@code permissions} is not null, that the key grants every one of
     * them; a valid key has one use claimed. better-auth's {@code auth.api.verifyApiKey({body: {key,
     * permissions}})}.
     */
    public ApiKeyVerification verifyApiKey(String key, Map<String, List<String>> permissions) {
        return verify(Objects.requireNonNull(key, "key"), permissions, null);
    }

    ApiKeyVerification verify(String key, Map<String, List<String>> permissions, String configId) {
        try {
            return ApiKeyVerification.accepted(ApiKeyResponses.of(service().verify(key, permissions, configId)));
        } catch (ApiException e) {
            return ApiKeyVerification.refused(e);
        }
    }

    /** Deletes every expired key now; better-auth's {@code deleteAllExpiredApiKeys}. */
    public Map<String, Object> deleteAllExpiredApiKeys() {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            service().deleteExpired(true);
            out.put("success", true);
            out.put("error", null);
        } catch (RuntimeException e) {
            // As better-auth: the failure is reported in the body rather than thrown.
            out.put("success", false);
            out.put("error", Map.of("message", String.valueOf(e.getMessage())));
        }
        return out;
    }
}
