package dev.postern.jetty;

import dev.postern.Postern;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.http.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty 12 core handler that answers every request with {@link Postern#handle}: it turns Jetty's
 * request into an {@link AuthRequest} and writes the {@link AuthResponse} back. It blocks while reading
 * the body and running the endpoint, which is what virtual threads are for; mount it on a server whose
 * thread pool runs handlers on virtual threads, as {@link PosternJettyServer} does.
 *
 * <p>The body is read up to {@code maxBodyBytes + 1} bytes and no further: one byte over the limit is
 * enough for the core to answer 413, and a client cannot make the server buffer more.
 */
public final class PosternHandler extends Handler.Abstract {
    private final Postern postern;
    private final String basePath;
    private final int bodyReadLimit;

    public PosternHandler(Postern postern) {
        this.postern = postern;
        this.basePath = postern.config().basePath();
        this.bodyReadLimit = postern.config().maxBodyBytes() + 1;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        HttpURI uri = request.getHttpURI();
        String path = uri.getPath() == null ? "/" : uri.getPath();
        AuthResponse answer = isUnderBasePath(path)
                ? postern.handle(toAuthRequest(request, path, uri.getQuery()))
                : AuthResponse.notFound();
        write(answer, request, response, callback);
        return true;
    }

    // Answering here rather than in the core spares reading a body nobody will look at.
    private boolean isUnderBasePath(String path) {
        return path.startsWith(basePath)
                && (path.length() == basePath.length() || path.charAt(basePath.length()) == '/');
    }

    private AuthRequest toAuthRequest(Request request, String path, String rawQuery) throws IOException {
        Map<String, List<String>> query = AuthRequest.parseQuery(rawQuery);
        Headers.Builder headers = Headers.builder();
        for (HttpField field : request.getHeaders()) {
            headers.add(field.getName(), field.getValue());
        }
        return new AuthRequest(request.getMethod(), path, query, headers.build(), readBody(request),
                Request.getRemoteAddr(request));
    }

    private byte[] readBody(Request request) throws IOException {
        if (request.getLength() == 0) {
            return new byte[0];
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            return in.readNBytes(bodyReadLimit);
        }
    }

    private static void write(AuthResponse answer, Request request, Response response, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers().asMap().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        String reason = answer.reason();
        if (ReasonPhraseConnectionFactory.isServing(request) && isCustomReason(answer.status(), reason)) {
            headers.put(ReasonPhraseConnectionFactory.REASON_HEADER, reason);
        }
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    // Jetty already writes the standard phrase; only a different one (UNAUTHORIZED) needs carrying over.
    private static boolean isCustomReason(int status, String reason) {
        return !reason.isEmpty() && !reason.equals(HttpStatus.getMessage(status))
                && ReasonPhraseConnectionFactory.isSafe(reason);
    }
}
