package dev.postern.plugin.social;

import dev.postern.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP side of an OAuth client, as better-auth's {@code oauth2} helpers do it: authorization URLs
 * (PKCE S256, reserved parameters never overridden), token requests with {@code client_secret_post} or
 * {@code client_secret_basic}, and JSON reads with a bearer token. Redirects are never followed (better-auth's
 * {@code fetchRefusingRedirects}): a token endpoint that redirects is an error, not a hop.
 */
public final class OAuthHttp {
    /** Parameters a caller's {@code additionalParams} may not set (better-auth's {@code RESERVED_AUTHORIZATION_PARAMS}). */
    public static final Set<String> RESERVED_PARAMS = Set.of("state", "client_id", "redirect_uri", "response_type",
            "code_challenge", "code_challenge_method", "nonce", "scope");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private OAuthHttp() {
    }

    /**
     * How the client authenticates at the token endpoint: {@code client_id} and {@code client_secret} in the
     * body, HTTP Basic, or TikTok's {@code client_key} and {@code client_secret} in the body.
     */
    public enum ClientAuth { POST, BASIC, CLIENT_KEY }

    /** The S256 PKCE challenge of a verifier: base64url(SHA-256(verifier)) without padding. */
    public static String codeChallenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Builds an authorization URL the way better-auth's {@code createAuthorizationURL} orders it:
     * {@code response_type, client_id, state, scope, redirect_uri}, then the optional parameters, the PKCE
     * pair, and the extras (reserved names skipped). Query parameters already on the endpoint are kept
     * unless a parameter of the same name is set here.
     */
    public static URI authorizationUrl(String endpoint, String clientId, AuthorizationRequest request,
            List<String> scopes, String scopeJoiner, Map<String, String> optional, boolean pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", optional.getOrDefault("response_type", "code"));
        params.put("client_id", clientId);
        params.put("state", request.state());
        if (!scopes.isEmpty()) {
            params.put("scope", String.join(scopeJoiner, scopes));
        }
        params.put("redirect_uri", request.redirectUri());
        if (request.loginHint() != null && !request.loginHint().isEmpty()) {
            params.put("login_hint", request.loginHint());
        }
        if (request.nonce() != null) {
            params.put("nonce", request.nonce());
        }
        optional.forEach((k, v) -> {
            if (v != null && !k.equals("response_type")) {
                params.put(k, v);
            }
        });
        if (pkce && request.codeVerifier() != null) {
            params.put("code_challenge_method", "S256");
            params.put("code_challenge", codeChallenge(request.codeVerifier()));
        }
        request.additionalParams().forEach((k, v) -> {
            if (!RESERVED_PARAMS.contains(k)) {
                params.put(k, v);
            }
        });
        String base = withoutParams(endpoint, params.keySet());
        String joiner = !base.contains("?") ? "?" : base.endsWith("?") ? "" : "&";
        return URI.create(base + joiner + form(params));
    }

    private static String withoutParams(String endpoint, Set<String> names) {
        int q = endpoint.indexOf('?');
        if (q < 0) {
            return endpoint;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : endpoint.substring(q + 1).split("&")) {
            String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
            if (!pair.isEmpty() && !names.contains(name)) {
                kept.add(pair);
            }
        }
        return endpoint.substring(0, q + 1) + String.join("&", kept);
    }

    /** {@code application/x-www-form-urlencoded} as URLSearchParams writes it (spaces as {@code +}). */
    public static String form(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    /**
     * Posts a token request ({@code grant_type} and the rest in {@code params}) and reads the answer as
     * better-auth's {@code getOAuth2Tokens}; throws {@link OAuthException} on a non-2xx answer or an
     * answer without an access token.
     */
    public static OAuthTokens tokenRequest(URI tokenEndpoint, Map<String, String> params, String clientId,
            String clientSecret, ClientAuth auth, Map<String, String> headers, Clock clock) {
        Map<String, String> body = new LinkedHashMap<>(params);
        HttpRequest.Builder request = HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        if (clientSecret != null && auth == ClientAuth.BASIC) {
            String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put(auth == ClientAuth.CLIENT_KEY ? "client_key" : "client_id", clientId);
            if (clientSecret != null) {
                body.put("client_secret", clientSecret);
            }
        }
        headers.forEach(request::header);
        Map<String, Object> data = send(request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build());
        if (!(data.get("access_token") instanceof String token) || token.isEmpty()) {
            throw new OAuthException("token endpoint answered without an access_token");
        }
        return tokens(data, clock);
    }

    /** Token-endpoint JSON to tokens, expiry instants relative to {@code clock}. */
    public static OAuthTokens tokens(Map<String, Object> data, Clock clock) {
        Instant now = clock.instant();
        return new OAuthTokens(
                data.get("token_type") instanceof String s ? s : null,
                data.get("access_token") instanceof String s ? s : null,
                data.get("refresh_token") instanceof String s ? s : null,
                data.get("expires_in") instanceof Number n && n.longValue() > 0 ? now.plusSeconds(n.longValue()) : null,
                data.get("refresh_token_expires_in") instanceof Number n && n.longValue() > 0
                        ? now.plusSeconds(n.longValue()) : null,
                scopes(data.get("scope")),
                data.get("id_token") instanceof String s ? s : null,
                data);
    }

    /** better-auth's {@code parseScopeField}: a space-separated string or an array. */
    public static List<String> scopes(Object scope) {
        if (scope instanceof String s) {
            return Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList();
        }
        if (scope instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(x -> ((String) x).trim())
                    .filter(x -> !x.isEmpty()).toList();
        }
        return List.of();
    }

    /** GETs JSON with these headers (typically {@code Authorization: Bearer}); throws on a non-2xx answer. */
    public static Map<String, Object> getJson(URI url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json")
                .header("User-Agent", "postern");
        headers.forEach(request::header);
        return send(request.GET().build());
    }

    /**
     * POSTs to an API that answers JSON (Dropbox's RPC endpoints, Linear's GraphQL), with {@code body} as
     * JSON, or no body at all when it is null.
     */
    public static Map<String, Object> postJson(URI url, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json");
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POSTs a form to an API that answers JSON (VK's user info). */
    public static Map<String, Object> postForm(URI url, Map<String, String> form) {
        return send(HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(new LinkedHashMap<>(form)))).build());
    }

    /** GETs a JSON array (GitHub's {@code /user/emails}); throws on a non-2xx answer. */
    public static List<Object> getJsonArray(URI url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json")
                .header("User-Agent", "postern");
        headers.forEach(request::header);
        String body = sendRaw(request.GET().build());
        Object parsed = Json.convert(Json.parse(body), Object.class);
        if (parsed instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new OAuthException("expected a JSON array from " + url.getHost());
    }

    /** GETs raw bytes (a profile photo); empty on any failure, since a photo is never worth failing a sign-in. */
    public static java.util.Optional<byte[]> getBytes(URI url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT);
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() / 100 == 2 ? java.util.Optional.of(response.body()) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> send(HttpRequest request) {
        String body = sendRaw(request);
        Object parsed;
        try {
            parsed = Json.convert(Json.parse(body), Object.class);
        } catch (RuntimeException e) {
            throw new OAuthException("answer from " + request.uri().getHost() + " is not JSON");
        }
        if (parsed instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new OAuthException("expected a JSON object from " + request.uri().getHost());
    }

    private static String sendRaw(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OAuthException("request to " + request.uri().getHost() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthException("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            // The body may echo the request's credentials; only the status is reported.
            throw new OAuthException(request.uri().getHost() + " answered " + response.statusCode());
        }
        return response.body();
    }
}
