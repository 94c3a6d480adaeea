package dev.postern.plugin.jwt;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.ResponseSchemas;
import dev.postern.error.ApiException;
import dev.postern.http.Status;
import dev.postern.json.Json;
import dev.postern.validation.ObjectSchema;
import dev.postern.validation.Schemas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The jwt plugin's endpoints: {@code GET /jwks} (or {@code jwks.jwksPath}), {@code GET /token}, and the
 * server-only {@code signJWT} and {@code verifyJWT} of {@code postern.api()}.
 */
final class JwtEndpoints {
    private static final ObjectSchema SIGN_BODY = Schemas.object()
            .required("payload", Schemas.record())
            .optional("overrideOptions", Schemas.record());
    private static final ObjectSchema VERIFY_BODY = Schemas.object()
            .required("token", Schemas.string())
            .optional("issuer", Schemas.string());

    private final JwtOptions options;
    private final JwtPlugin plugin;

    /** Handlers reach keys and tokens through the plugin: endpoints are declared before it is initialised. */
    JwtEndpoints(JwtOptions options, JwtPlugin plugin) {
        this.options = options;
        this.plugin = plugin;
    }

    List<Endpoint> all() {
        return List.of(jwks(), token(), signJwt(), verifyJwt());
    }

    private Endpoint jwks() {
        return Endpoint.get(options.jwksPath())
                .name("getJwks")
                .summary("Get the JSON Web Key Set")
                .tags("JWT")
                .response(ResponseSchemas.object(Map.of("keys", ResponseSchemas.arrayOf(
                        ResponseSchemas.object(ResponseSchemas.ordered("kid", ResponseSchemas.string(),
                                "kty", ResponseSchemas.string(), "alg", ResponseSchemas.string()),
                                "kid", "kty", "alg"))), "keys"))
                .handler(ctx -> {
                    SigningKeys keys = plugin.keys();
                    return Map.of("keys", keys.published().stream().map(keys::publicJwk).toList());
                })
                .build();
    }

    private Endpoint token() {
        return Endpoint.get("/token")
                .name("getToken")
                .noStore()
                .summary("Get a JWT token")
                .tags("JWT")
                .response(ResponseSchemas.object(Map.of("token", ResponseSchemas.string()), "token"))
                .handler(ctx -> Map.of("token", plugin.tokens().forSession(ctx.postern().sessions().require(ctx))))
                .build();
    }

    private Endpoint signJwt() {
        return Endpoint.serverOnly("signJWT")
                .body(SIGN_BODY)
                .handler(this::sign)
                .build();
    }

    private Endpoint verifyJwt() {
        return Endpoint.serverOnly("verifyJWT")
                .body(VERIFY_BODY)
                .handler(ctx -> {
                    Map<String, Object> body = new HashMap<>();
                    body.put("payload", plugin.tokens().verify(ctx.bodyString("token").orElseThrow(), ctx.bodyString("issuer"))
                            .orElse(null));
                    return body;
                })
                .build();
    }

    private Object sign(EndpointContext ctx) {
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = Json.convert(ctx.body().get("payload"), LinkedHashMap.class);
        JsonNode override = ctx.body().get("overrideOptions");
        JsonNode jwt = override == null ? null : override.get("jwt");
        JwtOptions effective = options;
        if (jwt != null && jwt.isObject()) {
            // {...options, ...overrideOptions}: a jwt section replaces the configured one as a whole.
            JsonNode expiration = jwt.get("expirationTime");
            String expirationTime = JwtOptions.DEFAULT_EXPIRATION_TIME;
            if (expiration != null && expiration.isNumber() && !payload.containsKey("exp")) {
                payload.put("exp", expiration.asLong()); // a number is an absolute expiry, as in better-auth
            } else if (expiration != null && expiration.isString()) {
                expirationTime = expiration.asString();
            }
            try {
                effective = options.withJwt(text(jwt.get("issuer")), audiences(jwt.get("audience")), expirationTime);
            } catch (IllegalArgumentException e) {
                throw ApiException.message(Status.BAD_REQUEST, e.getMessage());
            }
        }
        return Map.of("token", plugin.tokens().sign(payload, effective));
    }

    private static Optional<String> text(JsonNode node) {
        return node != null && node.isString() ? Optional.of(node.asString()) : Optional.empty();
    }

    private static List<String> audiences(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isString()) {
            out.add(node.asString());
        } else if (node != null && node.isArray()) {
            node.forEach(value -> {
                if (value.isString()) {
                    out.add(value.asString());
                }
            });
        }
        return out;
    }
}
