package dev.postern.plugin.haveibeenpwned;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the Pwned Passwords range API on a local port: {@code GET /range/<5 hex>} answers the
 * {@code SUFFIX:COUNT} lines of the passwords the test declared breached, plus padding lines with count 0,
 * as the real service does under {@code Add-Padding: true}.
 */
final class FakeRangeApi implements AutoCloseable {
    /** One request: the path asked and its Add-Padding header. */
    record Asked(String path, String addPadding) {
    }

    private final HttpServer server;
    private final Map<String, Long> breached = new ConcurrentHashMap<>();
    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private volatile int failStatus;

    private FakeRangeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/range/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            asked.add(new Asked(path, exchange.getRequestHeaders().getFirst("Add-Padding")));
            String prefix = path.substring("/range/".length());
            StringBuilder body = new StringBuilder();
            int status = failStatus != 0 ? failStatus : 200;
            if (status == 200) {
                breached.forEach((sha1, count) -> {
                    if (sha1.startsWith(prefix)) {
                        body.append(sha1.substring(5)).append(':').append(count).append("\r\n");
                    }
                });
                body.append("0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n"); // padding
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    static FakeRangeApi start() {
        try {
            return new FakeRangeApi();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/range");
    }

    /** Declares {@code password} seen {@code count} times in breaches (0: listed as padding only). */
    void breached(String password, long count) {
        breached.put(PwnedPasswords.sha1Hex(password), count);
    }

    void failWith(int status) {
        failStatus = status;
    }

    List<Asked> asked() {
        return List.copyOf(asked);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
