package dev.postern.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises itself, before Postern sees the request (a request line over the
 * limit: 414, headers too large: 431, a malformed request: 400), in better-auth's JSON error shape
 * instead of Jetty's HTML page, so clients can parse every error the same way and nothing reveals the
 * server software. Messages are fixed texts per status: Jetty's own reason may echo request bytes.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "Bad request",
            413, "Request body is too large",
            414, "Request URI is too long",
            431, "Request headers are too large");

    JsonErrorHandler() {
        setShowStacks(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        return body(status);
    }

    static ByteBuffer body(int status) {
        String message = MESSAGES.getOrDefault(status, HttpStatus.getMessage(status));
        String code = HttpStatus.getMessage(status).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return ByteBuffer.wrap(("{\"message\":\"" + message + "\",\"code\":\"" + code + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
