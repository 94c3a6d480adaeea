package dev.postern.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.Postern;
import dev.postern.health.Readiness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@code /health/live} and {@code /health/ready} in front of the engine, outside its base path. */
class HealthHandlerTest {

    private static HttpResponse<String> send(HttpClient client, PosternJettyServer server, String method, String path)
            throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.uri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessFollowsItsChecksWhileLivenessOnlyNeedsTheProcess() throws Exception {
        AtomicBoolean redisUp = new AtomicBoolean(true);
        Map<String, dev.postern.health.HealthCheck> checks = new LinkedHashMap<>();
        checks.put("database", () -> { });
        checks.put("secondaryStorage", () -> {
            if (!redisUp.get()) {
                throw new IllegalStateException("connection refused to redis://secret-host:6379");
            }
        });
        try (Postern postern = AdapterTestPlugin.newPostern();
             PosternJettyServer server = PosternJettyServer.start(postern, "127.0.0.1", 0, Readiness.of(checks));
             HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> ready = send(client, server, "GET", "/health/ready");
            redisUp.set(false);
            HttpResponse<String> notReady = send(client, server, "GET", "/health/ready");
            HttpResponse<String> live = send(client, server, "GET", "/health/live");
            HttpResponse<String> post = send(client, server, "POST", "/health/ready");
            HttpResponse<String> engine = send(client, server, "GET", "/api/auth/ok");

            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"ready\",\"checks\":{\"database\":\"ok\",\"secondaryStorage\":\"ok\"}}");
            assertThat(ready.headers().firstValue("cache-control")).contains("no-store");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo(
                    "{\"status\":\"unavailable\",\"checks\":{\"database\":\"ok\",\"secondaryStorage\":\"unavailable\"}}");
            assertThat(notReady.body()).doesNotContain("secret-host");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(engine.body()).isEqualTo("{\"ok\":true}");
        }
    }
}
