package dev.postern.plugin.apikey;

import static dev.postern.plugin.apikey.ApiKeyInputs.given;
import static dev.postern.plugin.apikey.ApiKeyInputs.number;
import static dev.postern.plugin.apikey.ApiKeyInputs.string;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Status;
import dev.postern.store.Row;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api-key/update}: changes a key of the signed-in user. Clients may change the name,
 * {@code enabled}, the expiry and (when enabled) metadata; usage, refills, rate limits and permissions
 * are server-only ({@code SERVER_ONLY_PROPERTY}). Someone else's key is {@code KEY_NOT_FOUND}.
 */
final class UpdateApiKeyEndpoint {
    static final ObjectSchema BODY = Schemas.object()
            .optional("configId", Schemas.string())
            .required("keyId", Schemas.string().describe("The id of the Api Key"))
            .optional("userId", Schemas.string().describe("The owner's id. server-only"))
            .optional("name", Schemas.string().describe("The name of the key"))
            .optional("enabled", Schemas.bool().describe("Whether the Api Key is enabled or not"))
            .optional("remaining", Schemas.number().min(1).describe("The number of remaining requests"))
            .optional("refillAmount", Schemas.number().describe("The refill amount"))
            .optional("refillInterval", Schemas.number().describe("The refill interval"))
            .optional("metadata", Schemas.any())
            .optional("expiresIn", Schemas.number().min(1).orNull().describe("Expiration time of the Api Key in seconds"))
            .optional("rateLimitEnabled", Schemas.bool().describe("Whether the key has rate limiting enabled."))
            .optional("rateLimitTimeWindow", Schemas.number().describe("Rate-limit window in milliseconds. server-only"))
            .optional("rateLimitMax", Schemas.number().describe("Maximum requests within a window. server-only"))
            .optional("permissions", Schemas.record().orNull().describe("The permissions of the key. server-only"));

    private static final List<String> SERVER_ONLY = List.of("refillAmount", "refillInterval", "rateLimitMax",
            "rateLimitTimeWindow", "rateLimitEnabled", "remaining", "permissions");

    private UpdateApiKeyEndpoint() {
    }

    static Endpoint endpoint(ApiKeyPlugin plugin) {
        return Endpoint.post("/api-key/update")
                .name("updateApiKey")
                .body(BODY)
                .summary("Update an existing API key by ID")
                .tags("API Key")
                .response(ApiKeySchemas.API_KEY)
                .errors(ApiKeyErrorCodes.UNAUTHORIZED_SESSION.code(), ApiKeyErrorCodes.SERVER_ONLY_PROPERTY.code(),
                        ApiKeyErrorCodes.KEY_NOT_FOUND.code(), ApiKeyErrorCodes.INVALID_NAME_LENGTH.code(),
                        ApiKeyErrorCodes.KEY_DISABLED_EXPIRATION.code(), ApiKeyErrorCodes.EXPIRES_IN_IS_TOO_SMALL.code(),
                        ApiKeyErrorCodes.EXPIRES_IN_IS_TOO_LARGE.code(), ApiKeyErrorCodes.INVALID_METADATA_TYPE.code(),
                        ApiKeyErrorCodes.NO_VALUES_TO_UPDATE.code())
                .handler(ctx -> handle(ctx, plugin.service()))
                .build();
    }

    private static Object handle(EndpointContext ctx, ApiKeyService service) {
        ApiKeyOptions options = service.options();
        ObjectNode body = ctx.body();
        Map<String, List<String>> permissions = ApiKeyInputs.permissions(body, "body");
        boolean fromClient = ApiKeyInputs.fromClient(ctx);
        Optional<String> sessionUser = ApiKeyInputs.sessionUserId(ctx);
        Optional<String> bodyUser = string(body, "userId").filter(id -> !id.isEmpty());
        String userId = fromClient ? sessionUser.orElse(null) : sessionUser.orElse(bodyUser.orElse(null));
        if (userId == null) {
            throw ApiKeyErrorCodes.UNAUTHORIZED_SESSION.toException(Status.UNAUTHORIZED);
        }
        if (sessionUser.isPresent() && bodyUser.isPresent() && !sessionUser.get().equals(bodyUser.get())) {
            throw ApiKeyErrorCodes.UNAUTHORIZED_SESSION.toException(Status.UNAUTHORIZED);
        }
        if (fromClient && SERVER_ONLY.stream().anyMatch(body::has)) {
            throw ApiKeyErrorCodes.SERVER_ONLY_PROPERTY.toException(Status.BAD_REQUEST);
        }
        Row key = OwnedKeys.find(service, body.path("keyId").asString(), userId);

        Map<String, Object> changes = new LinkedHashMap<>();
        string(body, "name").ifPresent(name -> {
            CreateApiKeyEndpoint.checkNameLength(options, name);
            changes.put("name", name);
        });
        if (given(body, "enabled")) {
            changes.put("enabled", body.get("enabled").asBoolean());
        }
        if (given(body, "expiresIn")) {
            JsonNode expiresIn = body.get("expiresIn");
            if (options.keyExpiration().disableCustomExpiresTime()) {
                throw ApiKeyErrorCodes.KEY_DISABLED_EXPIRATION.toException(Status.BAD_REQUEST);
            }
            if (!expiresIn.isNull()) {
                CreateApiKeyEndpoint.checkExpiresIn(options, expiresIn.asDouble());
            }
            changes.put("expiresAt", expiresIn.isNull() || expiresIn.asLong() == 0 ? null
                    : service.now().plusSeconds(expiresIn.asLong()));
        }
        if (given(body, "metadata") && options.enableMetadata()) {
            if (!ApiKeyInputs.isJsObject(body.get("metadata"))) {
                throw ApiKeyErrorCodes.INVALID_METADATA_TYPE.toException(Status.BAD_REQUEST);
            }
            changes.put("metadata", ApiKeyInputs.metadataText(body.get("metadata")));
        }
        if (given(body, "remaining")) {
            changes.put("remaining", number(body, "remaining"));
        }
        if (given(body, "refillAmount") || given(body, "refillInterval")) {
            if (!given(body, "refillInterval")) {
                throw ApiKeyErrorCodes.REFILL_AMOUNT_AND_INTERVAL_REQUIRED.toException(Status.BAD_REQUEST);
            }
            if (!given(body, "refillAmount")) {
                throw ApiKeyErrorCodes.REFILL_INTERVAL_AND_AMOUNT_REQUIRED.toException(Status.BAD_REQUEST);
            }
            changes.put("refillAmount", number(body, "refillAmount"));
            changes.put("refillInterval", number(body, "refillInterval"));
        }
        if (given(body, "rateLimitEnabled")) {
            changes.put("rateLimitEnabled", body.get("rateLimitEnabled").asBoolean());
        }
        if (given(body, "rateLimitTimeWindow")) {
            changes.put("rateLimitTimeWindow", number(body, "rateLimitTimeWindow"));
        }
        if (given(body, "rateLimitMax")) {
            changes.put("rateLimitMax", number(body, "rateLimitMax"));
        }
        if (given(body, "permissions")) {
            // JSON.stringify(null) is "null": better-auth stores that text, which reads back as no permissions.
            changes.put("permissions", ApiKeyService.json(permissions));
        }
        if (changes.isEmpty()) {
            throw ApiKeyErrorCodes.NO_VALUES_TO_UPDATE.toException(Status.BAD_REQUEST);
        }
        changes.put("updatedAt", service.now());
        Row updated = service.keys().update(key, changes).orElse(key);
        service.sweepQuietly();
        return ApiKeyResponses.of(updated);
    }
}
