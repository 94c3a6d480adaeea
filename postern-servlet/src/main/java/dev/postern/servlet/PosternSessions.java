package dev.postern.servlet;

import dev.postern.Postern;
import dev.postern.session.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is signed in, for the application's own servlets behind a {@link PosternFilter}:
 *
 * <pre>{@code
 * Optional<Session> session = PosternSessions.current(request);
 * String userId = session.map(Session::userId).orElseThrow(...);
 * }</pre>
 *
 * <p>The session is read once per request, as better-auth's {@code getSession} reads it (cookie cache,
 * then database; extended once {@code updateAge} has passed), and the cookies that read sets go on the
 * response, so it must be asked before the response is committed. Once read, a found session is also
 * the request attribute {@value #ATTRIBUTE}, for views ({@code ${requestScope['dev.postern.session']}}).
 */
public final class PosternSessions {
    /** The request attribute holding the current {@link Session}, once {@link #current} found one. */
    public static final String ATTRIBUTE = "dev.postern.session";
    private static final String RESOLVER = PosternSessions.class.getName() + ".resolver";
    private static final String RESOLVED = PosternSessions.class.getName() + ".resolved";

    private PosternSessions() {
    }

    /**
     * The session of this request, if it carries a valid one.
     *
     * @throws IllegalStateException when no {@link PosternFilter} saw the request (map it to the
     *     application's paths too, {@code /*} for instance)
     */
    public static Optional<Session> current(HttpServletRequest request) {
        Objects.requireNonNull(request, "request");
        @SuppressWarnings("unchecked")
        Optional<Session> resolved = (Optional<Session>) request.getAttribute(RESOLVED);
        if (resolved != null) {
            return resolved;
        }
        if (!(request.getAttribute(RESOLVER) instanceof Resolver resolver)) {
            throw new IllegalStateException("No PosternFilter handled " + request.getRequestURI()
                    + ": map the filter to the application's paths as well (\"/*\")");
        }
        Optional<Session> session = resolver.resolve(request);
        request.setAttribute(RESOLVED, session);
        session.ifPresent(found -> request.setAttribute(ATTRIBUTE, found));
        return session;
    }

    /** Called by the filter before the application's servlets run: nothing is read until asked. */
    static void prepare(Postern postern, HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(RESOLVER, new Resolver(postern, response));
    }

    private record Resolver(Postern postern, HttpServletResponse response) {
        Optional<Session> resolve(HttpServletRequest request) {
            return postern.sessions().current(ServletRequests.withoutBody(request),
                    cookie -> response.addHeader("Set-Cookie", cookie.toHeader()));
        }
    }
}
