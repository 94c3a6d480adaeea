package dev.postern.resourceserver;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A Jakarta Servlet filter that lets through only requests carrying a valid Postern JWT in
 * {@code Authorization: Bearer <jwt>}. The verified claims are on the request as the attribute
 * {@link #CLAIMS} ({@link JWTClaimsSet}) and the subject as its {@link HttpServletRequest#getUserPrincipal()};
 * anything else is answered {@code 401} with {@code WWW-Authenticate: Bearer} and a JSON body in
 * Postern's error shape, {@code {"message":"Unauthorized","code":"UNAUTHORIZED"}} (the reason goes to the
 * log at FINE, never to the client). CORS preflights ({@code OPTIONS}) pass untouched.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(new PosternJwtFilter(verifier)), "/api/*", EnumSet.of(DispatcherType.REQUEST));
 * JWTClaimsSet claims = (JWTClaimsSet) request.getAttribute(PosternJwtFilter.CLAIMS);
 * }</pre>
 */
public final class PosternJwtFilter implements Filter {
    /** The request attribute holding the verified {@link JWTClaimsSet}. */
    public static final String CLAIMS = "dev.postern.jwt.claims";
    private static final Logger LOG = Logger.getLogger(PosternJwtFilter.class.getName());
    private static final byte[] UNAUTHORIZED =
            "{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}".getBytes(StandardCharsets.UTF_8);

    private final PosternJwtVerifier verifier;

    public PosternJwtFilter(PosternJwtVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if ("OPTIONS".equals(request.getMethod())) {
            chain.doFilter(req, res);
            return;
        }
        String token = bearerToken(request.getHeader("Authorization"));
        if (token == null) {
            unauthorized(response, null);
            return;
        }
        JWTClaimsSet claims;
        try {
            claims = verifier.verify(token);
        } catch (InvalidTokenException e) {
            LOG.log(Level.FINE, "Rejected bearer token: {0}", e.getMessage());
            unauthorized(response, "invalid_token");
            return;
        }
        request.setAttribute(CLAIMS, claims);
        Principal subject = claims::getSubject;
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Principal getUserPrincipal() {
                return subject;
            }
        }, res);
    }

    private static String bearerToken(String header) {
        if (header == null || header.length() <= 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static void unauthorized(HttpServletResponse response, String error) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", error == null ? "Bearer" : "Bearer error=\"" + error + "\"");
        response.setContentType("application/json");
        response.setContentLength(UNAUTHORIZED.length);
        response.getOutputStream().write(UNAUTHORIZED);
    }
}
