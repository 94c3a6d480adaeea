package dev.postern.servlet;

import dev.postern.Postern;
import dev.postern.http.AuthResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Mounts a Postern instance in any Jakarta Servlet 6 container (Jetty, Tomcat, Undertow): requests under
 * the configured {@code basePath} are answered by {@link Postern#handle}, every other request goes on to
 * the application's own filters and servlets, which can ask {@link PosternSessions#current} who is signed in.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(new PosternFilter(postern)), "/*", EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>A filter rather than a servlet, so that the application's routes and Postern's coexist under one
 * context and one mapping ({@code /*}): the filter is what makes the session helper available to the
 * application's servlets. Map it first, before anything that reads request parameters, because Postern
 * reads the body itself.
 *
 * <p>The path matched against {@code basePath} is the one inside the servlet context, so an application
 * deployed at {@code /shop} with {@code basePath("/api/auth")} answers {@code /shop/api/auth/...}; its
 * {@code baseUrl} should then include {@code /shop} for links and origins to be right.
 *
 * <p>One difference from better-auth on the wire: Servlet 6 has no way to set a custom reason phrase, so an
 * error goes out as {@code 401 Unauthorized} rather than better-auth's {@code 401 UNAUTHORIZED}. Clients read
 * the status code and the JSON body's {@code code}, never the phrase (and HTTP/2 has none).
 */
public final class PosternFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private final transient Postern postern;
    private final String basePath;

    public PosternFilter(Postern postern) {
        this.postern = Objects.requireNonNull(postern, "postern");
        this.basePath = postern.config().basePath();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = ServletRequests.pathInContext(request);
        if (!isUnderBasePath(path)) {
            PosternSessions.prepare(postern, request, response);
            chain.doFilter(request, response);
            return;
        }
        AuthResponse answer = postern.handle(ServletRequests.toAuthRequest(request, path,
                postern.config().maxBodyBytes() + 1));
        ServletResponses.write(answer, response);
    }

    // The same rule as the core's: "/api/auth" and "/api/auth/..." but not "/api/authx".
    private boolean isUnderBasePath(String path) {
        return path.startsWith(basePath)
                && (path.length() == basePath.length() || path.charAt(basePath.length()) == '/');
    }
}
