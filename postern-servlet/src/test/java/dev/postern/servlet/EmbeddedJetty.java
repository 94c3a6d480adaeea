package dev.postern.servlet;

import dev.postern.Postern;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * A Servlet 6.1 container (Jetty 12 ee11) with a {@link PosternFilter} and the application's servlets, as
 * an application would embed it; on 127.0.0.1, every request on a virtual thread.
 */
public final class EmbeddedJetty implements AutoCloseable {
    // Node's limit, as the Jetty adapter: better-auth clients send several cookies at once.
    private static final int NODE_MAX_HEADER_BYTES = 16 * 1024;

    private final Server server;
    private final int port;

    private EmbeddedJetty(Server server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A port nobody listens on right now, for a base URL that must be known before the server starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a builder for a container on {@code port} (0 for any free one). */
    public static Builder builder(Postern postern, int port) {
        return new Builder(postern, port);
    }

    public int port() {
        return port;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop: " + e.getMessage(), e);
        }
    }

    /** Where the filter and the application's servlets are mapped. */
    public static final class Builder {
        private final Postern postern;
        private final int port;
        private String contextPath = "/";
        private String filterMapping = "/*";
        private final Map<String, HttpServlet> servlets = new LinkedHashMap<>();

        private Builder(Postern postern, int port) {
            this.postern = postern;
            this.port = port;
        }

        public Builder contextPath(String path) {
            this.contextPath = path;
            return this;
        }

        public Builder filterMapping(String mapping) {
            this.filterMapping = mapping;
            return this;
        }

        public Builder servlet(String mapping, HttpServlet servlet) {
            servlets.put(mapping, servlet);
            return this;
        }

        public EmbeddedJetty start() {
            Server server = new Server(new VirtualThreadPool());
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            http.setRequestHeaderSize(NODE_MAX_HEADER_BYTES);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler(contextPath);
            context.addFilter(new FilterHolder(new PosternFilter(postern)), filterMapping,
                    EnumSet.of(DispatcherType.REQUEST));
            servlets.forEach((mapping, servlet) -> context.addServlet(new ServletHolder(servlet), mapping));
            server.setHandler(context);
            server.setStopAtShutdown(false);
            try {
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("Jetty did not start on port " + port + ": " + e.getMessage(), e);
            }
            return new EmbeddedJetty(server, connector.getLocalPort());
        }
    }
}
