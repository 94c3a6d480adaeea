package dev.postern.plugin.apikey;

import static dev.postern.plugin.apikey.ApiKeyInputs.given;
import static dev.postern.plugin.apikey.ApiKeyInputs.number;
import static dev.postern.plugin.apikey.ApiKeyInputs.string;
import static dev.postern.plugin.apikey.ApiKeyInputs.truthy;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.http.Status;
import dev.postern.store.Row;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api-key/create}: a new key for the signed-in user, returned in clear this once. Clients
 * may set a name, prefix, expiry and (when enabled) metadata; usage limits, refills, rate limits and
 * permissions are server-only ({@code SERVER_ONLY_PROPERTY}), as is naming another owner.
 */
final class CreateApiKeyEndpoint {
    static final ObjectSchema BODY = Schemas.object()
            .optional("configId", Schemas.string().describe("The configuration ID to use for the API key"))
            .optional("name", Schemas.string().describe("Name of the Api Key"))
            .optional("expiresIn", Schemas.number().min(1).orNull().describe("Expiration time of the Api Key in seconds"))
            .optional("prefix", Schemas.string().describe("Prefix of the Api Key"))
            .optional("remaining", Schemas.number().min(0).orNull().describe("Remaining number of requests. Server side only"))
            .optional("metadata", Schemas.any())
            .optional("refillAmount", Schemas.number().min(1).describe("Amount to refill the remaining count. server-only"))
            .optional("refillInterval", Schemas.number().describe("Interval to refill the Api Key in milliseconds. server-only"))
            .optional("rateLimitTimeWindow", Schemas.number().describe("Rate-limit window in milliseconds. server-only"))
            .optional("rateLimitMax", Schemas.number().describe("Maximum requests within a window. server-only"))
            .optional("rateLimitEnabled", Schemas.bool().describe("Whether the key has rate limiting enabled. server-only"))
            .optional("permissions", Schemas.record().describe("Permissions of the Api Key."))
            .optional("userId", Schemas.string().describe("User Id of the owner. server-only"))
            .optional("organizationId", Schemas.string().describe("Organization Id of the owning organization"));

    private static final List<String> SERVER_ONLY = List.of("refillAmount", "refillInterval", "rateLimitMax",
            "rateLimitTimeWindow", "rateLimitEnabled", "permissions");

    private CreateApiKeyEndpoint() {
    }

    static Endpoint endpoint(ApiKeyPlugin plugin) {
        return Endpoint.post("/api-key/create")
                .name("createApiKey")
                .body(BODY)
                .noStore()
                .summary("Create a new API key for a user")
                .tags("API Key")
                .response(ApiKeySchemas.CREATED)
                .errors(ApiKeyErrorCodes.SERVER_ONLY_PROPERTY.code(), ApiKeyErrorCodes.UNAUTHORIZED_SESSION.code(),
                        ApiKeyErrorCodes.METADATA_DISABLED.code(), ApiKeyErrorCodes.INVALID_METADATA_TYPE.code(),
                        ApiKeyErrorCodes.REFILL_AMOUNT_AND_INTERVAL_REQUIRED.code(),
                        ApiKeyErrorCodes.REFILL_INTERVAL_AND_AMOUNT_REQUIRED.code(),
                        ApiKeyErrorCodes.KEY_DISABLED_EXPIRATION.code(), ApiKeyErrorCodes.EXPIRES_IN_IS_TOO_SMALL.code(),
                        ApiKeyErrorCodes.EXPIRES_IN_IS_TOO_LARGE.code(), ApiKeyErrorCodes.INVALID_PREFIX_LENGTH.code(),
                        ApiKeyErrorCodes.INVALID_NAME_LENGTH.code(), ApiKeyErrorCodes.NAME_REQUIRED.code())
                .handler(ctx -> handle(ctx, plugin.service()))
                .build();
    }

    private static Object handle(EndpointContext ctx, ApiKeyService service) {
        ApiKeyOptions options = service.options();
        ObjectNode body = ctx.body();
        ApiKeyInputs.checkPrefixFormat(body);
        Map<String, java.util.List<String>> permissions = ApiKeyInputs.permissions(body, "body");
        boolean fromClient = ApiKeyInputs.fromClient(ctx);
        if (fromClient && (SERVER_ONLY.stream().anyMatch(body::has) || number(body, "remaining") != null)) {
            throw ApiKeyErrorCodes.SERVER_ONLY_PROPERTY.toException(Status.BAD_REQUEST);
        }
        if (ctx.isHttp() && given(body, "userId")) {
            throw ApiKeyErrorCodes.UNAUTHORIZED_SESSION.toException(Status.UNAUTHORIZED);
        }
        String referenceId = owner(ctx, options, body, fromClient);
        checkFields(options, body);
        service.sweepQuietly();

        String prefix = string(body, "prefix").filter(p -> !p.isEmpty()).orElse(options.defaultPrefix());
        String plaintext = service.generate(prefix);
        Instant now = service.now();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", string(body, "name").orElse(null));
        fields.put("prefix", string(body, "prefix").orElse(options.defaultPrefix()));
        Long expiresIn = number(body, "expiresIn");
        Long expiresInSeconds = expiresIn != null && expiresIn != 0 ? expiresIn : options.keyExpiration().defaultExpiresIn();
        fields.put("expiresAt", expiresInSeconds == null || expiresInSeconds == 0 ? null : now.plusSeconds(expiresInSeconds));
        fields.put("metadata", truthy(body, "metadata") ? ApiKeyInputs.metadataText(body.get("metadata")) : null);
        Long rateLimitMax = number(body, "rateLimitMax");
        Long rateLimitTimeWindow = number(body, "rateLimitTimeWindow");
        fields.put("rateLimitMax", rateLimitMax != null ? rateLimitMax : options.rateLimit().maxRequests());
        fields.put("rateLimitTimeWindow", rateLimitTimeWindow != null ? rateLimitTimeWindow : options.rateLimit().timeWindowMillis());
        fields.put("remaining", number(body, "remaining"));
        fields.put("refillAmount", number(body, "refillAmount"));
        fields.put("refillInterval", number(body, "refillInterval"));
        fields.put("rateLimitEnabled", body.has("rateLimitEnabled") ? body.get("rateLimitEnabled").asBoolean()
                : options.rateLimit().enabled());
        fields.put("permissions", permissions != null ? ApiKeyService.json(permissions)
                : options.defaultPermissions().isEmpty() ? null : ApiKeyService.json(options.defaultPermissions()));
        Row created = service.create(plaintext, referenceId, fields);
        return ApiKeyResponses.created(created, plaintext);
    }

    /** The owner's id: the session's user for clients; for server calls the session's or {@code userId}. */
    private static String owner(EndpointContext ctx, ApiKeyOptions options, ObjectNode body, boolean fromClient) {
        Optional<String> sessionUser = ApiKeyInputs.sessionUserId(ctx);
        if (options.references() == ApiKeyOptions.References.ORGANIZATION) {
            if (string(body, "organizationId").filter(id -> !id.isEmpty()).isEmpty()) {
                throw ApiKeyErrorCodes.ORGANIZATION_ID_REQUIRED.toException(Status.BAD_REQUEST);
            }
            if (sessionUser.isEmpty() && string(body, "userId").isEmpty()) {
                throw ApiKeyErrorCodes.UNAUTHORIZED_SESSION.toException(Status.UNAUTHORIZED);
            }
            throw OrganizationKeys.pluginRequired();
        }
        if (fromClient) {
            return sessionUser.orElseThrow(() -> ApiKeyErrorCodes.UNAUTHORIZED_SESSION.toException(Status.UNAUTHORIZED));
        }
        Optional<String> bodyUser = string(body, "userId");
        if (sessionUser.isEmpty() && bodyUser.isEmpty()) {
            throw ApiKeyErrorCodes.UNAUTHORIZED_SESSION.toException(Status.UNAUTHORIZED);
        }
        if (sessionUser.isPresent() && bodyUser.isPresent() && !sessionUser.get().equals(bodyUser.get())) {
            throw ApiKeyErrorCodes.UNAUTHORIZED_SESSION.toException(Status.UNAUTHORIZED);
        }
        return sessionUser.orElseGet(bodyUser::get);
    }

    private static void checkFields(ApiKeyOptions options, ObjectNode body) {
        if (truthy(body, "metadata")) {
            if (!options.enableMetadata()) {
                throw ApiKeyErrorCodes.METADATA_DISABLED.toException(Status.BAD_REQUEST);
            }
            if (!ApiKeyInputs.isJsObject(body.get("metadata"))) {
                throw ApiKeyErrorCodes.INVALID_METADATA_TYPE.toException(Status.BAD_REQUEST);
            }
        }
        if (truthy(body, "refillAmount") && !truthy(body, "refillInterval")) {
            throw ApiKeyErrorCodes.REFILL_AMOUNT_AND_INTERVAL_REQUIRED.toException(Status.BAD_REQUEST);
        }
        if (truthy(body, "refillInterval") && !truthy(body, "refillAmount")) {
            throw ApiKeyErrorCodes.REFILL_INTERVAL_AND_AMOUNT_REQUIRED.toException(Status.BAD_REQUEST);
        }
        if (truthy(body, "expiresIn")) {
            checkExpiresIn(options, body.get("expiresIn").asDouble());
        }
        string(body, "prefix").filter(p -> !p.isEmpty()).ifPresent(prefix -> {
            if (prefix.length() < options.minimumPrefixLength() || prefix.length() > options.maximumPrefixLength()) {
                throw ApiKeyErrorCodes.INVALID_PREFIX_LENGTH.toException(Status.BAD_REQUEST);
            }
        });
        Optional<String> name = string(body, "name").filter(n -> !n.isEmpty());
        if (name.isPresent()) {
            checkNameLength(options, name.get());
        } else if (options.requireName()) {
            throw ApiKeyErrorCodes.NAME_REQUIRED.toException(Status.BAD_REQUEST);
        }
    }

    /** {@code expiresIn} (seconds) against the bounds, which better-auth sets in days. */
    static void checkExpiresIn(ApiKeyOptions options, double expiresInSeconds) {
        if (options.keyExpiration().disableCustomExpiresTime()) {
            throw ApiKeyErrorCodes.KEY_DISABLED_EXPIRATION.toException(Status.BAD_REQUEST);
        }
        double days = expiresInSeconds / (3600 * 24);
        if (days < options.keyExpiration().minExpiresIn()) {
            throw ApiKeyErrorCodes.EXPIRES_IN_IS_TOO_SMALL.toException(Status.BAD_REQUEST);
        }
        if (days > options.keyExpiration().maxExpiresIn()) {
            throw ApiKeyErrorCodes.EXPIRES_IN_IS_TOO_LARGE.toException(Status.BAD_REQUEST);
        }
    }

    static void checkNameLength(ApiKeyOptions options, String name) {
        if (name.length() < options.minimumNameLength() || name.length() > options.maximumNameLength()) {
            throw ApiKeyErrorCodes.INVALID_NAME_LENGTH.toException(Status.BAD_REQUEST);
        }
    }
}
