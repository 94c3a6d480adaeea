package dev.postern.spring.webflux;

import dev.postern.Postern;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.http.Headers;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Mounts Postern in a WebFlux application: requests under {@code basePath} are answered by
 * {@link Postern#handle}, every other request goes on to the application. A {@link WebFilter} ordered
 * ahead of Spring Security's, as the servlet starter's filter is, because Postern makes its own origin
 * checks and a CSRF filter in front would refuse better-auth's client.
 *
 * <p>Postern is blocking (JDBC), so each call runs on Reactor's bounded-elastic scheduler, never on an
 * event-loop thread. The body is read up to one byte over {@code maxBodyBytes}: enough for the core to
 * answer 413, and a client cannot make the server buffer more. As with Servlet 6, the reason phrase is
 * the container's ({@code 401 Unauthorized}), not better-auth's; clients read the code and the body.
 */
public final class PosternWebFilter implements WebFilter {
    private final Postern postern;
    private final String basePath;

    public PosternWebFilter(Postern postern) {
        this.postern = Objects.requireNonNull(postern, "postern");
        this.basePath = postern.config().basePath();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!isUnderBasePath(path)) {
            return chain.filter(exchange);
        }
        return body(request)
                .map(body -> toAuthRequest(request, path, body))
                .publishOn(Schedulers.boundedElastic())
                .map(postern::handle)
                .flatMap(answer -> write(answer, exchange.getResponse()));
    }

    // The same rule as the core's: "/api/auth" and "/api/auth/..." but not "/api/authx".
    private boolean isUnderBasePath(String path) {
        return path.startsWith(basePath)
                && (path.length() == basePath.length() || path.charAt(basePath.length()) == '/');
    }

    private Mono<byte[]> body(ServerHttpRequest request) {
        return DataBufferUtils.join(DataBufferUtils.takeUntilByteCount(request.getBody(), postern.config().maxBodyBytes() + 1L))
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    /** The raw (still percent-encoded) path, the query decoded by the core, every header value, the peer's address. */
    private static AuthRequest toAuthRequest(ServerHttpRequest request, String path, byte[] body) {
        Headers.Builder headers = Headers.builder();
        request.getHeaders().headerSet().forEach(header -> header.getValue().forEach(value -> headers.add(header.getKey(), value)));
        InetSocketAddress peer = request.getRemoteAddress();
        String clientAddress = peer == null ? null
                : peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
        return new AuthRequest(request.getMethod().name(), path, AuthRequest.parseQuery(request.getURI().getRawQuery()),
                headers.build(), body, clientAddress);
    }

    /** Status, every header value (each Set-Cookie on its own, as the core wrote it), body. */
    private static Mono<Void> write(AuthResponse answer, ServerHttpResponse response) {
        response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
        answer.headers().asMap().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        response.getHeaders().setContentLength(answer.body().length);
        if (answer.body().length == 0) {
            return response.setComplete();
        }
        DataBuffer buffer = response.bufferFactory().wrap(answer.body());
        return response.writeWith(Mono.just(buffer));
    }
}
