package dev.postern.plugin.social;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A local HTTP server playing a provider's token and profile endpoints with recorded answers in the
 * provider's own format. Token requests (their form bodies) and the headers of every request are kept for
 * the test to check.
 */
final class FakeProvider implements AutoCloseable {
    /** A request as the fake saw it. */
    record Seen(String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, byte[] body) {
        static Answer json(String json) {
            return new Answer(200, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Seen, Answer>> routes = new ConcurrentHashMap<>();
    final List<Seen> requests = new CopyOnWriteArrayList<>();

    FakeProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeProvider on(String path, Function<Seen, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    FakeProvider json(String path, String json) {
        return on(path, seen -> Answer.json(json));
    }

    Seen request(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no request to " + path + "; saw " + requests));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Seen seen = new Seen(path, exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(seen);
        Function<Seen, Answer> route = routes.get(path);
        Answer answer = route == null ? new Answer(404, "text/plain", new byte[0]) : route.apply(seen);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        if (answer.body().length > 0) {
            exchange.getResponseBody().write(answer.body());
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
