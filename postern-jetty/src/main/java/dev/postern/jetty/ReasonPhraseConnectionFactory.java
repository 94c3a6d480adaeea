package dev.postern.jetty;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * HTTP/1.1 connections that can send a custom reason phrase. better-auth answers errors with the status
 * name as the phrase ({@code HTTP/1.1 401 UNAUTHORIZED}) and its client exposes it as
 * {@code error.statusText}, but Jetty 12's core API always writes the standard phrase. The handler
 * passes the phrase in a private header that the response generator turns into the status line and
 * removes before anything reaches the wire.
 *
 * <p>This subclasses Jetty's internal {@code HttpConnection}; the Jetty version is pinned by the
 * build, and a change there fails compilation here rather than at run time.
 */
final class ReasonPhraseConnectionFactory extends HttpConnectionFactory {
    /** Never sent to clients: stripped by the generator below. */
    static final String REASON_HEADER = "X-Postern-Reason-Phrase";

    ReasonPhraseConnectionFactory(HttpConfiguration config) {
        super(config);
    }

    /** True when the request came over a connection made here, so the private header will be stripped. */
    static boolean isServing(Request request) {
        return request.getConnectionMetaData().getConnection() instanceof ReasonPhraseConnection;
    }

    /** Visible ASCII and spaces only: anything else could split the status line. */
    static boolean isSafe(String reason) {
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        ReasonPhraseConnection connection = new ReasonPhraseConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private static final class ReasonPhraseConnection extends HttpConnection {
        ReasonPhraseConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        protected HttpGenerator newHttpGenerator() {
            return new ReasonPhraseGenerator();
        }
    }

    private static final class ReasonPhraseGenerator extends HttpGenerator {
        @Override
        public Result generateResponse(MetaData.Response info, boolean head, ByteBuffer header, ByteBuffer chunk,
                                       ByteBuffer content, boolean last) throws IOException {
            return super.generateResponse(withReason(info), head, header, chunk, content, last);
        }

        private static MetaData.Response withReason(MetaData.Response info) {
            if (info == null || info.getHttpFields() == null) {
                return info;
            }
            String reason = info.getHttpFields().get(REASON_HEADER);
            if (reason == null) {
                return info;
            }
            HttpFields fields = HttpFields.build(info.getHttpFields()).remove(REASON_HEADER).asImmutable();
            return new MetaData.Response(info.getStatus(), reason, info.getHttpVersion(), fields,
                    info.getContentLength(), info.getTrailersSupplier());
        }
    }
}
