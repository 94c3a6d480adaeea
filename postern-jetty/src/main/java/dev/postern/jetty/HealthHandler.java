package dev.postern.jetty;

import dev.postern.health.Readiness;
import dev.postern.json.Json;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /health/live} (the process answers: 200) and {@code GET /health/ready} (200 when every
 * readiness check passes, else 503), outside Postern's base path and in front of it, so a load balancer can
 * route around a node whose database or Redis is gone. Neither goes through rate limits or origin checks:
 * probes come often and from anywhere the operator's network allows.
 */
final class HealthHandler extends Handler.Wrapper {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    private static final byte[] LIVE_BODY = Json.writeBytes(Map.of("status", "ok"));

    private final Readiness readiness;

    HealthHandler(Handler next, Readiness readiness) {
        super(next);
        this.readiness = readiness;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        boolean live = LIVE.equals(path);
        if (!live && !READY.equals(path)) {
            return super.handle(request, response, callback);
        }
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setStatus(HttpStatus.METHOD_NOT_ALLOWED_405);
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            callback.succeeded();
            return true;
        }
        byte[] body;
        if (live) {
            response.setStatus(HttpStatus.OK_200);
            body = LIVE_BODY;
        } else {
            Readiness.Report report = readiness.evaluate();
            response.setStatus(report.ready() ? HttpStatus.OK_200 : HttpStatus.SERVICE_UNAVAILABLE_503);
            body = Json.writeBytes(report.body());
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, "HEAD".equals(method) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
        return true;
    }
}
