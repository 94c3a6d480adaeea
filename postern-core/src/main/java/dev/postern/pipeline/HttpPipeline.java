package dev.postern.pipeline;

import dev.postern.Postern;
import dev.postern.endpoint.EndpointContext;
import dev.postern.endpoint.Router;
import dev.postern.error.ApiException;
import dev.postern.error.CoreErrorCodes;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.http.Headers;
import dev.postern.http.Status;
import dev.postern.plugin.RequestInterceptor;
import dev.postern.storage.SecondaryStorageUnavailableException;
import dev.postern.store.StoreUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One HTTP request from arrival to response: base path, CORS preflight, routing, interceptors, body
 * parsing, guards (origin and CSRF checks), then the shared {@link EndpointInvoker}; CORS headers go on
 * whatever comes back. Nothing thrown inside escapes: errors become better-auth's error
 * responses, and unexpected failures a bare 500 that is logged but never described to the client.
 */
public final class HttpPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(HttpPipeline.class);

    private final Postern postern;
    private final Router router;
    private final EndpointInvoker invoker;
    private final List<RequestInterceptor> interceptors;
    private final List<RequestGuard> guards;
    private final CorsPolicy cors;
    private final Set<String> disabledPaths;
    private final String basePath;
    private final int maxBodyBytes;

    public HttpPipeline(Postern postern, Router router, EndpointInvoker invoker, List<RequestInterceptor> interceptors) {
        this(postern, router, invoker, interceptors, List.of(), CorsPolicy.NONE);
    }

    public HttpPipeline(Postern postern, Router router, EndpointInvoker invoker, List<RequestInterceptor> interceptors,
                        List<RequestGuard> guards, CorsPolicy cors) {
        this.postern = postern;
        this.router = router;
        this.invoker = invoker;
        this.interceptors = List.copyOf(interceptors);
        this.guards = List.copyOf(guards);
        this.cors = cors;
        this.disabledPaths = Set.copyOf(postern.config().disabledPaths());
        this.basePath = postern.config().basePath();
        this.maxBodyBytes = postern.config().maxBodyBytes();
    }

    public AuthResponse handle(AuthRequest request) {
        AuthResponse response = cors.decorate(request, route(request));
        // The last line of defence against header injection: a CR or LF from a callbackURL (with the
        // redirect checks switched off) or any other request value must never split a header.
        String unsafe = ResponseHeaderSafety.firstUnsafeHeader(response);
        if (unsafe != null) {
            // The path is not logged: it may hold a token (/reset-password/:token).
            LOG.warn("Refused to send a control character in the {} header answering a {}", unsafe, request.method());
            return ResponseWriter.error(CoreErrorCodes.UNSAFE_HEADER_VALUE.toException(Status.BAD_REQUEST),
                    List.of(), Headers.empty());
        }
        return response;
    }

    private AuthResponse route(AuthRequest request) {
        String path = request.path();
        if (!path.startsWith(basePath) || (path.length() > basePath.length() && path.charAt(basePath.length()) != '/')) {
            return AuthResponse.notFound();
        }
        String relative = path.substring(basePath.length());
        if (relative.isEmpty() || relative.contains("//")) {
            return AuthResponse.notFound();
        }
        // A preflight names no endpoint (it is an OPTIONS for the one the browser means to call).
        AuthResponse preflight = cors.preflight(request);
        if (preflight != null) {
            return preflight;
        }
        if (disabledPaths.contains(relative)) {
            return ResponseWriter.plainNotFound();
        }
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        Optional<Router.Match> match = router.find(method, relative);
        if (match.isEmpty()) {
            return AuthResponse.notFound();
        }
        Router.Match route = match.get();
        // One catch for every step: a database that goes away inside an interceptor (rate limits on
        // database storage) or a guard is as much a 503 as one that goes away inside the handler.
        try {
            for (RequestInterceptor interceptor : interceptors) {
                AuthResponse early = interceptor.intercept(request, relative, postern);
                if (early != null) {
                    return early;
                }
            }
            return invoke(request, relative, route);
        } catch (ApiException e) {
            return ResponseWriter.error(e, List.of(), Headers.empty());
        } catch (StoreUnavailableException e) {
            // One line per request without the stack trace: an outage would otherwise flood the log.
            LOG.error("Database unavailable while answering {} {}: {}", request.method(), route.endpoint().path(),
                    e.getMessage());
            LOG.debug("Database unavailable", e);
            return ResponseWriter.error(CoreErrorCodes.DATABASE_UNAVAILABLE.toException(Status.SERVICE_UNAVAILABLE),
                    List.of(), Headers.empty());
        } catch (SecondaryStorageUnavailableException e) {
            // Same reasoning as the database: one line per request, the stack trace only at debug.
            LOG.error("Secondary storage unavailable while answering {} {}: {}", request.method(),
                    route.endpoint().path(), e.getMessage());
            LOG.debug("Secondary storage unavailable", e);
            return ResponseWriter.error(
                    CoreErrorCodes.SECONDARY_STORAGE_UNAVAILABLE.toException(Status.SERVICE_UNAVAILABLE),
                    List.of(), Headers.empty());
        } catch (RuntimeException e) {
            // The declared path, not the request's: /reset-password/<token> must not reach the log.
            LOG.error("Unexpected error answering {} {}", request.method(), route.endpoint().path(), e);
            return ResponseWriter.internalError();
        }
    }

    private AuthResponse invoke(AuthRequest request, String relative, Router.Match match) {
        JsonNode body = BodyParser.parseBody(request, match.endpoint(), maxBodyBytes);
        ObjectNode query = BodyParser.fromParameters(request.query());
        RequestText.requireStorable(request, body, query, match.params());
        RequestGuard.Routed routed = new RequestGuard.Routed(request, relative, match.endpoint(), body, query);
        for (RequestGuard guard : guards) {
            guard.check(routed);
        }
        EndpointContext ctx = invoker.invoke(match.endpoint(), request, match.params(), body, query, true);
        return ResponseWriter.success(ctx);
    }
}
