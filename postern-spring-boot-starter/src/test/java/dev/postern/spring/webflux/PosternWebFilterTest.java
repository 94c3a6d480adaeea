package dev.postern.spring.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A WebFlux application on Reactor Netty with the starter: Postern answers {@code /api/auth/**} through
 * {@link PosternWebFilter}, cookies and errors as over any other adapter, and the application's own routes
 * are left to it.
 */
class PosternWebFilterTest {
    private static final String ORIGIN = "http://localhost:3000";
    private static final Map<String, Object> ADA = Map.of("email", "ada@example.com", "password", "correct horse battery");
    private TestDatabase.Instance database;
    private ConfigurableApplicationContext app;
    private String server;
    private TestClient browser;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ReactiveApp {
        @Bean
        RouterFunction<ServerResponse> hello() {
            return RouterFunctions.route(RequestPredicates.GET("/hello"), request -> ServerResponse.ok().bodyValue("hello"));
        }
    }

    @BeforeEach
    void start() {
        database = TestDatabase.SQLITE.create();
        app = new SpringApplicationBuilder(ReactiveApp.class).web(WebApplicationType.REACTIVE).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:" + database.url() + "?foreign_keys=on&busy_timeout=5000",
                "--postern.secret=spring-starter-test-secret-long-enough-0123456789",
                "--postern.base-url=" + ORIGIN);
        server = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        browser = TestClient.of(server + "/api/auth", ORIGIN);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        database.drop();
    }

    @Test
    void signsUpAndInAndReadsTheSessionThroughWebFlux() {
        assertThat(app.getBean(PosternWebFilter.class)).isNotNull();
        TestResponse signUp = browser.postJson("/sign-up/email", Map.of("email", "ada@example.com",
                "password", "correct horse battery", "name", "Ada")).assertStatus(200);
        assertThat(signUp.json().path("user").path("email").asString()).isEqualTo("ada@example.com");
        assertThat(signUp.header("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        browser.postJson("/sign-out", Map.of()).assertStatus(200);

        TestResponse signIn = browser.postJson("/sign-in/email", ADA).assertStatus(200);
        assertThat(signIn.setCookies()).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("better-auth.session_token=").contains("HttpOnly").contains("Path=/").contains("SameSite=Lax"));
        assertThat(browser.get("/get-session").assertStatus(200).json().path("user").path("email").asString())
                .isEqualTo("ada@example.com");

        // Clearing cookies is one Set-Cookie header per cookie, each kept whole.
        TestResponse signOut = browser.postJson("/sign-out", Map.of()).assertStatus(200);
        assertThat(signOut.setCookies()).anySatisfy(cookie ->
                assertThat(cookie).startsWith("better-auth.session_token=;").contains("Max-Age=0"));
        assertThat(browser.cookies()).isEmpty();
        assertThat(browser.get("/get-session").assertStatus(200).body()).isEqualTo("null");
    }

    @Test
    void errorsKeepBetterAuthsShapeAndOtherRoutesReachTheApplication() {
        browser.postJson("/sign-in/email", ADA).assertError(401, "INVALID_EMAIL_OR_PASSWORD");
        browser.post("/sign-in/email", "application/json", "{\"email\":\"" + "a".repeat(2 << 20) + "\"}").assertStatus(413);
        browser.get("/no-such-endpoint").assertStatus(404);

        TestResponse own = browser.get(server + "/hello").assertStatus(200);
        assertThat(own.body()).isEqualTo("hello");
    }
}
