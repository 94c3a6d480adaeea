package dev.postern.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.Postern;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The filter mounted under {@code /auth/*} with {@code basePath("/auth")}, beside an application servlet. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PosternFilterTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Postern postern;
    private EmbeddedJetty jetty;

    @BeforeEach
    void start() {
        postern = EchoPlugin.newPostern("/auth");
        jetty = EmbeddedJetty.builder(postern, 0)
                .filterMapping("/auth/*")
                .servlet("/hello", new HttpServlet() {
                    @Override
                    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.getWriter().write("hello from the application");
                    }
                })
                .start();
    }

    @AfterEach
    void stop() {
        jetty.close();
        postern.close();
        client.close();
    }

    @Test
    void requestThenMethodPathQueryHeadersBodyAndClientAddressReachTheEndpoint() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(jetty.uri("/auth/echo/a%20b?x=1&x=2&name=J%C3%BCrgen+K&flag"))
                .header("Content-Type", "application/json")
                .header("X-Test", "one")
                .header("X-Test", "two")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"hello\":\"wörld\"}"))
                .build();

        HttpResponse<String> echo = send(request);

        assertThat(echo.statusCode()).isEqualTo(200);
        assertThat(echo.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(echo.body())
                .contains("\"method\":\"PUT\"")
                .contains("\"path\":\"/auth/echo/a%20b\"")
                .contains("\"id\":\"a b\"")
                .contains("\"x\":[\"1\",\"2\"]")
                .contains("\"name\":[\"Jürgen K\"]")
                .contains("\"flag\":[\"\"]")
                .contains("\"xTest\":[\"one\",\"two\"]")
                .contains("\"body\":\"{\\\"hello\\\":\\\"wörld\\\"}\"")
                .contains("\"clientAddress\":\"127.0.0.1\"");
    }

    @Test
    void responseWithTwoCookiesThenBothSetCookieHeadersArrive() throws Exception {
        HttpResponse<String> echo = send(HttpRequest.newBuilder(jetty.uri("/auth/echo/1")).build());

        assertThat(echo.headers().allValues("set-cookie"))
                .containsExactly("first=1; Path=/; HttpOnly; SameSite=Lax", "second=2; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void bodyOverMaxBodyBytesThenPayloadTooLarge() throws Exception {
        String big = "{\"a\":\"" + "x".repeat(EchoPlugin.MAX_BODY_BYTES) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(jetty.uri("/auth/echo/1"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big))
                .build();

        assertThat(send(request).statusCode()).isEqualTo(413);
    }

    @Test
    void errorThenStatusAndBetterAuthsJsonBodyArrive() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(jetty.uri("/auth/unauthorized")).build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"No session\",\"code\":\"UNAUTHORIZED\"}");
    }

    @Test
    void unknownPathUnderBasePathThenPosternAnswersNotFound() throws Exception {
        assertThat(send(HttpRequest.newBuilder(jetty.uri("/auth/nowhere")).build()).statusCode()).isEqualTo(404);
    }

    @Test
    void pathOutsideTheMountThenTheApplicationsServletAnswers() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(jetty.uri("/hello")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello from the application");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
