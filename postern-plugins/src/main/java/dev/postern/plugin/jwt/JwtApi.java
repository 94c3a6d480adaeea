package dev.postern.plugin.jwt;

import dev.postern.Postern;
import dev.postern.PosternApi;
import dev.postern.PosternApi.ApiCall;
import dev.postern.api.ApiResponse;
import dev.postern.http.Headers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed Java API for the {@code jwt} plugin's endpoints, one method per endpoint and named as it
 * (better-auth's {@code auth.api.getToken({headers})}, {@code auth.api.signJWT({body})}).
 */
public final class JwtApi {
    private final PosternApi api;

    public JwtApi(PosternApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    public static JwtApi of(Postern postern) {
        return new JwtApi(postern.api());
    }

    /** The public keys, as a JWKS; each key's other members (crv, x, n, e...) are in the maps. */
    public record JwksResponse(List<Map<String, Object>> keys) {
    }

    public record TokenResponse(String token) {
    }

    /** The verified token's claims, or a null payload when the token is not valid. */
    public record VerifyJwtResponse(Map<String, Object> payload) {
    }

    public ApiResponse<JwksResponse> getJwks() {
        return api.call("getJwks", ApiCall.empty(), JwksResponse.class);
    }

    /** A JWT for the session {@code headers} carry. */
    public ApiResponse<TokenResponse> getToken(Headers headers) {
        return api.call("getToken", ApiCall.empty().withHeaders(headers), TokenResponse.class);
    }

    /** Server only: signs {@code payload}; {@code overrideOptions} (may be null) replaces the plugin's options. */
    public ApiResponse<TokenResponse> signJWT(Map<String, Object> payload, Map<String, Object> overrideOptions) {
        Map<String, Object> body = new HashMap<>();
        body.put("payload", payload);
        if (overrideOptions != null) {
            body.put("overrideOptions", overrideOptions);
        }
        return api.call("signJWT", ApiCall.body(body), TokenResponse.class);
    }

    /** Server only: verifies a token signed here; {@code issuer} (may be null) overrides the expected one. */
    public ApiResponse<VerifyJwtResponse> verifyJWT(String token, String issuer) {
        Map<String, String> body = issuer == null ? Map.of("token", token) : Map.of("token", token, "issuer", issuer);
        return api.call("verifyJWT", ApiCall.body(body), VerifyJwtResponse.class);
    }
}
