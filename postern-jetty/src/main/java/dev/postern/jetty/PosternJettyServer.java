package dev.postern.jetty;

import dev.postern.Postern;
import dev.postern.health.Readiness;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * A Postern instance served over HTTP/1.1 by Jetty 12, every request on its own virtual thread.
 *
 * <pre>{@code
 * try (PosternJettyServer server = PosternJettyServer.start(postern, "127.0.0.1", 0)) {
 *     URI ok = server.uri().resolve("/api/auth/ok");
 * }
 * }</pre>
 *
 * <p>Stopping is graceful: the listening socket closes first, so new connections are refused, while
 * requests already being answered run to completion (up to the grace period).
 */
public final class PosternJettyServer implements AutoCloseable {
    private static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_IDLE_TIMEOUT = Duration.ofMillis(100);
    private static final int NODE_MAX_HEADER_BYTES = 16 * 1024;

    private final Server server;
    private final String host;
    private final int port;

    private PosternJettyServer(Server server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    /**
     * Starts serving and returns once the port is listening.
     *
     * @param host the address to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
     * @param port the port, or 0 for any free one ({@link #port()} tells which)
     * @throws IllegalStateException when the server cannot start (port in use, for instance)
     */
    public static PosternJettyServer start(Postern postern, String host, int port) {
        return start(postern, host, port, Readiness.of(java.util.Map.of()));
    }

    /**
     * {@link #start(Postern, String, int)}, also answering {@code GET /health/live} and
     * {@code GET /health/ready} (200 when every check of {@code readiness} passes, else 503).
     */
    public static PosternJettyServer start(Postern postern, String host, int port, Readiness readiness) {
        Objects.requireNonNull(postern, "postern");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: expected 0-65535, was " + port);
        }
        VirtualThreadPool threads = new VirtualThreadPool();
        threads.setName("postern");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, new ReasonPhraseConnectionFactory(httpConfig()));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler(new HealthHandler(new PosternHandler(postern), readiness));
        // Idle keep-alive connections would otherwise hold a stop back for Jetty's default second.
        graceful.setShutdownIdleTimeout(SHUTDOWN_IDLE_TIMEOUT.toMillis());
        server.setHandler(graceful);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(DEFAULT_GRACE.toMillis());
        // The embedding application decides when to stop; Jetty's own JVM hook would race with it.
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("Cannot start the HTTP server on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        return new PosternJettyServer(server, host, connector.getLocalPort());
    }

    private static HttpConfiguration httpConfig() {
        HttpConfiguration config = new HttpConfiguration();
        // Jetty's Server and X-Powered-By headers only tell attackers what runs here.
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        // Node's limit rather than Jetty's 8 KiB: better-auth clients send session, cache and
        // chunked cookies together, and a request that works against better-auth must work here.
        config.setRequestHeaderSize(NODE_MAX_HEADER_BYTES);
        return config;
    }

    /** The port actually listened on. */
    public int port() {
        return port;
    }

    /** {@code http://host:port}, with an IPv6 host in brackets. */
    public URI uri() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port);
    }

    /**
     * Stops accepting connections, lets in-flight requests finish for up to {@code grace}, then stops.
     * Calling it again once stopped does nothing.
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (server.isStopped() || server.isStopping()) {
            return;
        }
        server.setStopTimeout(Math.max(1, grace.toMillis()));
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The HTTP server did not stop cleanly: " + e.getMessage(), e);
        }
    }

    /** {@link #stop(Duration)} with a 10-second grace period. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // Start-up already failed; that failure is the one worth reporting.
        }
    }
}
