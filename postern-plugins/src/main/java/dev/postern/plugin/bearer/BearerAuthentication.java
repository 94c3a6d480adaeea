package dev.postern.plugin.bearer;

import dev.postern.crypto.CookieSigner;
import dev.postern.crypto.UriComponent;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.EndpointHandler;
import dev.postern.http.AuthRequest;
import dev.postern.session.AuthCookies;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The before-hook that lets {@code Authorization: Bearer <token>} stand in for the session cookie (wire
 * reference §12 "bearer"): a verified token becomes the {@code session_token} cookie of the request, so
 * every session read downstream (get-session, the guards of update-user, sign-out) works as cookie auth
 * with no code of its own. It runs after the origin check, which saw the request without that cookie:
 * bearer clients are not browsers, and better-auth lets them through for the same reason.
 */
final class BearerAuthentication implements EndpointHandler {
    private static final String SCHEME = "bearer ";

    private final BearerOptions options;

    BearerAuthentication(BearerOptions options) {
        this.options = options;
    }

    static boolean hasAuthorization(EndpointContext ctx) {
        return ctx.request().headers().has("Authorization");
    }

    @Override
    public Object handle(EndpointContext ctx) {
        CookieSigner signer = new CookieSigner(ctx.postern().config().secrets());
        signedToken(ctx.request(), signer)
                .filter(signed -> signer.verify(signed).isPresent())
                .ifPresent(signed -> ctx.request(withSessionCookie(ctx, signed)));
        return null;
    }

    /** {@code token.signature} from the header: as given, or signed here when bare and that is allowed. */
    private Optional<String> signedToken(AuthRequest request, CookieSigner signer) {
        String header = request.headers().get("Authorization");
        if (header == null || header.length() < SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        String token = header.substring(SCHEME.length()).trim();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        if (token.contains(".")) {
            // Clients may send the cookie value as it appeared in Set-Cookie, URI-encoded.
            return Optional.of(token.contains("%") ? UriComponent.decodeOrKeep(token) : token);
        }
        // A bare token proves nothing by itself; signing it lets the session read look it up, which is
        // exactly what better-auth accepts unless requireSignature says only signed tokens count.
        return options.requireSignature() ? Optional.empty() : Optional.of(UriComponent.decodeOrKeep(signer.sign(token)));
    }

    /** The request with its session cookie replaced by {@code signed}, other cookies kept. */
    private static AuthRequest withSessionCookie(EndpointContext ctx, String signed) {
        String name = ctx.postern().sessions().cookies().name(AuthCookies.SESSION_TOKEN);
        AuthRequest request = ctx.request();
        Map<String, String> cookies = request.cookies();
        cookies.put(name, UriComponent.encode(signed));
        String header = cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        return new AuthRequest(request.method(), request.path(), request.query(),
                request.headers().toBuilder().set("Cookie", header).build(), request.body(), request.clientAddress());
    }
}
