package dev.postern.resourceserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.postern.testkit.TestDatabase;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The example of the README: a plain Java service (one servlet in Jetty) whose {@code /api/*} is protected
 * by {@link PosternJwtFilter}, in front of a real Postern, before and after a key rotation.
 */
class ProtectedServiceExampleTest {

    /** The application's own code: it reads the verified claims the filter put on the request. */
    static final class WhoAmI extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            JWTClaimsSet claims = (JWTClaimsSet) request.getAttribute(PosternJwtFilter.CLAIMS);
            response.setContentType("application/json");
            response.getWriter().write("{\"sub\":\"" + request.getUserPrincipal().getName() + "\",\"email\":\""
                    + claims.getClaim("email") + "\"}");
        }
    }

    private static Server protectedService(PosternJwtVerifier verifier) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addFilter(new FilterHolder(new PosternJwtFilter(verifier)), "/api/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new WhoAmI()), "/api/me");
        server.setHandler(context);
        server.start();
        return server;
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void onlyRequestsWithAValidPosternJwtReachTheService(TestDatabase database) throws Exception {
        try (PosternServer postern = new PosternServer(database); HttpClient http = HttpClient.newHttpClient()) {
            PosternJwtVerifier verifier = PosternJwtVerifier.builder(postern.jwksUrl())
                    .issuer(postern.issuer()).audience(postern.issuer())
                    .minRefreshInterval(Duration.ofMillis(200)).build();
            Server service = protectedService(verifier);
            try {
                URI me = URI.create("http://127.0.0.1:" + ((ServerConnector) service.getConnectors()[0]).getLocalPort()
                        + "/api/me");

                HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(me).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(anonymous.body()).isEqualTo("{\"message\":\"Unauthorized\",\"code\":\"UNAUTHORIZED\"}");
                assertThat(anonymous.headers().firstValue("www-authenticate")).contains("Bearer");
                assertThat(get(http, me, "not-a-jwt").statusCode()).isEqualTo(401);

                HttpResponse<String> ok = get(http, me, postern.token());
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.body()).isEqualTo("{\"sub\":\"" + postern.userId() + "\",\"email\":\"ada@example.com\"}");

                postern.rotate();
                Thread.sleep(250);
                assertThat(get(http, me, postern.token()).statusCode()).as("new key after rotation").isEqualTo(200);
            } finally {
                service.stop();
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, URI uri, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
