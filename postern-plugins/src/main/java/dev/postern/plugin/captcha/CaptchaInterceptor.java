package dev.postern.plugin.captcha;

import dev.postern.Postern;
import dev.postern.error.ErrorCode;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.http.Headers;
import dev.postern.json.Json;
import dev.postern.plugin.RequestInterceptor;
import dev.postern.ratelimit.PathGlob;
import dev.postern.security.ClientIp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * better-auth's captcha {@code onRequest}: on the protected paths, before routing, the
 * {@code x-captcha-response} header must hold a token the provider accepts, checked together with the
 * client's address as Postern resolves it (trusted proxies honoured). No header is 400
 * {@code MISSING_RESPONSE}, a refused token 403 {@code VERIFICATION_FAILED}, a verifier that cannot answer
 * 500 {@code UNKNOWN_ERROR} (fail closed, as better-auth does).
 */
final class CaptchaInterceptor implements RequestInterceptor {
    static final String HEADER = "x-captcha-response";
    private static final Logger LOG = LoggerFactory.getLogger(CaptchaInterceptor.class);

    private final List<PathGlob> endpoints;
    private final SiteVerify siteVerify;
    private volatile ClientIp clientIp;

    CaptchaInterceptor(CaptchaOptions options) {
        this.endpoints = options.endpoints().stream().map(PathGlob::of).toList();
        this.siteVerify = new SiteVerify(options);
    }

    @Override
    public AuthResponse intercept(AuthRequest request, String relativePath, Postern postern) {
        if (!isProtected(normalize(relativePath))) {
            return null;
        }
        String token = request.header(HEADER).filter(t -> !t.isEmpty()).orElse(null);
        if (token == null) {
            return error(400, "Bad Request", CaptchaErrorCodes.MISSING_RESPONSE);
        }
        try {
            String remoteIp = clientIp(postern).resolve(request).orElse(null);
            return siteVerify.passes(token, remoteIp) ? null
                    : error(403, "Forbidden", CaptchaErrorCodes.VERIFICATION_FAILED);
        } catch (SiteVerify.Unavailable unavailable) {
            LOG.error("{} (endpoint {})", unavailable.getMessage(), relativePath);
            return error(500, "Internal Server Error", CaptchaErrorCodes.UNKNOWN_ERROR);
        }
    }

    private boolean isProtected(String path) {
        return endpoints.stream().anyMatch(glob -> glob.matches(path));
    }

    private ClientIp clientIp(Postern postern) {
        ClientIp resolver = clientIp;
        if (resolver == null) {
            resolver = ClientIp.from(postern.config());
            clientIp = resolver;
        }
        return resolver;
    }

    /** As better-auth normalises before comparing: no repeated slashes, a leading slash, no trailing one. */
    static String normalize(String path) {
        String normalized = path.replaceAll("/{2,}", "/");
        if (!normalized.startsWith("/")) {
            normalized = "/" + normalized;
        }
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized;
    }

    private static AuthResponse error(int status, String reason, ErrorCode code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", code.message());
        body.put("code", code.code());
        return AuthResponse.json(status, reason, Json.write(body), Headers.empty());
    }
}
