package dev.postern.plugin.captcha;

import com.sun.net.httpserver.HttpServer;
import dev.postern.plugin.support.UrlEncodedForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Plays a captcha provider's siteverify endpoint on a local port: records what it was asked and answers
 * what the test set (by default {@code {"success":true}}).
 */
final class FakeSiteVerify implements AutoCloseable {
    /** One request the verifier received. */
    record Asked(String contentType, String body) {
        Map<String, String> form() {
            return UrlEncodedForm.parse(body);
        }
    }

    private final HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "{\"success\":true}";
    private volatile Asked last;
    private volatile int count;

    private FakeSiteVerify() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/siteverify", exchange -> {
            last = new Asked(exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            count++;
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    static FakeSiteVerify start() {
        try {
            return new FakeSiteVerify();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/siteverify");
    }

    void answer(int newStatus, String json) {
        answer = json;
        status = newStatus;
    }

    void answer(String json) {
        answer(200, json);
    }

    Asked last() {
        if (last == null) {
            throw new AssertionError("the verifier was not asked");
        }
        return last;
    }

    int count() {
        return count;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
