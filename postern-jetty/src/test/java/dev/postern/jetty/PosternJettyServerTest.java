package dev.postern.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.Postern;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PosternJettyServerTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Postern postern;
    private PosternJettyServer server;

    @BeforeEach
    void start() {
        postern = AdapterTestPlugin.newPostern();
        server = PosternJettyServer.start(postern, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        postern.close();
        client.close();
    }

    @Test
    void startOnPortZeroThenListensOnAFreePortAndAnswersOk() throws Exception {
        assertThat(server.port()).isPositive();
        assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));

        HttpResponse<String> ok = send(HttpRequest.newBuilder(url("/api/auth/ok")).build());

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"ok\":true}");
        assertThat(ok.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(ok.headers().firstValue("server")).isEmpty();
    }

    @Test
    void requestThenMethodPathQueryHeadersBodyAndClientAddressReachTheEndpoint() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url("/api/auth/echo/a%20b?x=1&x=2&name=J%C3%BCrgen+K&flag"))
                .header("Content-Type", "application/json")
                .header("X-Test", "one")
                .header("X-Test", "two")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"hello\":\"wörld\"}"))
                .build();

        HttpResponse<String> echo = send(request);

        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.body())
                .contains("\"method\":\"PUT\"")
                .contains("\"path\":\"/api/auth/echo/a%20b\"")
                .contains("\"x\":[\"1\",\"2\"]")
                .contains("\"name\":[\"Jürgen K\"]")
                .contains("\"flag\":[\"\"]")
                .contains("\"xTest\":[\"one\",\"two\"]")
                .contains("\"body\":\"{\\\"hello\\\":\\\"wörld\\\"}\"")
                .contains("\"clientAddress\":\"127.0.0.1\"")
                .contains("\"virtualThread\":true");
    }

    @Test
    void responseWithTwoCookiesThenBothSetCookieHeadersArrive() throws Exception {
        HttpResponse<String> echo = send(HttpRequest.newBuilder(url("/api/auth/echo/1")).build());

        assertThat(echo.headers().allValues("set-cookie"))
                .containsExactly("first=1; Path=/; HttpOnly; SameSite=Lax", "second=2; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void bodyOverMaxBodyBytesThenPayloadTooLarge() throws Exception {
        String big = "{\"a\":\"" + "x".repeat(5000) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(url("/api/auth/echo/1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big))
                .build();

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void cookieHeaderOverJettysDefaultLimitThenStillAccepted() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(url("/api/auth/ok"))
                .header("Cookie", "better-auth.session_data=" + "x".repeat(12_000))
                .build();

        assertThat(send(request).statusCode()).isEqualTo(200);
    }

    @Test
    void pathOutsideBasePathThenNotFound() throws Exception {
        assertThat(send(HttpRequest.newBuilder(url("/elsewhere")).build()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(url("/api/authx/ok")).build()).statusCode()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(url("/api/auth/nope")).build()).statusCode()).isEqualTo(404);
    }

    @Test
    void errorThenStatusNameIsTheReasonPhraseAsBetterAuthSendsIt() throws Exception {
        String head = rawGet("/api/auth/unauthorized");

        assertThat(head).startsWith("HTTP/1.1 401 UNAUTHORIZED\r\n");
        assertThat(head.toLowerCase()).doesNotContain(ReasonPhraseConnectionFactory.REASON_HEADER.toLowerCase());
    }

    @Test
    void headThenHeadersWithoutBody() throws Exception {
        HttpResponse<String> head = send(HttpRequest.newBuilder(url("/api/auth/ok"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("content-length")).hasValue("11");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void requestLineOverJettysLimitThenJsonErrorInBetterAuthsShape() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/auth/ok?q=" + "x".repeat(20_000))).build());

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"message\":\"Request URI is too long\",\"code\":\"URI_TOO_LONG\"}");
    }

    @Test
    void malformedPathThenJsonErrorWithoutServerDetails() throws Exception {
        String raw = rawExchange("/api/auth/ok%00");

        assertThat(raw).startsWith("HTTP/1.1 400 ");
        assertThat(raw).contains("{\"message\":\"Bad request\",\"code\":\"BAD_REQUEST\"}").doesNotContainIgnoringCase("jetty")
                .doesNotContain("<html");
    }

    @Test
    void successThenStandardReasonPhrase() throws Exception {
        assertThat(rawGet("/api/auth/ok")).startsWith("HTTP/1.1 200 OK\r\n");
    }

    @Test
    void stopWhileARequestIsInFlightThenItFinishesAndNewConnectionsAreRefused() throws Exception {
        AdapterTestPlugin.SLOW_STARTED.drainPermits();
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                HttpRequest.newBuilder(url("/api/auth/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(AdapterTestPlugin.SLOW_STARTED.tryAcquire(5, TimeUnit.SECONDS)).as("slow request started").isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(5)));
        awaitConnectionsRefused(server.port());

        assertThat(slow).as("still in flight once the port closed").isNotDone();
        assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close()).isInstanceOf(ConnectException.class);
        HttpResponse<String> finished = slow.get(5, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("{\"slow\":true}");
        stopping.get(5, TimeUnit.SECONDS);
    }

    private URI url(String pathAndQuery) {
        return URI.create(server.uri() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The status line and headers of a GET, read from a raw socket: HttpClient hides the reason phrase. */
    /** The status line and headers of a raw GET. */
    private String rawGet(String path) throws IOException {
        String all = rawExchange(path);
        return all.substring(0, all.indexOf("\r\n\r\n") + 2);
    }

    /** The whole raw response to a GET written byte for byte, for paths HttpClient refuses to send. */
    private String rawExchange(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Waits (up to 2 s) until the listening socket is closed: stopping closes it before draining. */
    private static void awaitConnectionsRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline) {
            try {
                new Socket("127.0.0.1", port).close();
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(10);
        }
    }
}
