package dev.postern.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.Postern;
import dev.postern.PosternApi.ApiCall;
import dev.postern.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The example on a real Tomcat port over a fresh SQLite file as the application's DataSource: users sign
 * in through Postern's {@code /api/auth}, and Spring Security lets them in by their Postern session.
 */
// Four sign-ins from one address within seconds: better-auth's 3-per-10-s sign-in limit would refuse the fourth.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "postern.rate-limit.enabled=false")
class ExampleApplicationTest {
    private static final String PASSWORD = "correct horse battery";
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Postern postern;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws IOException {
        Path file = Files.createTempFile("postern-example-", ".db");
        Files.delete(file);
        file.toFile().deleteOnExit();
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file
                + "?foreign_keys=on&busy_timeout=5000&transaction_mode=IMMEDIATE");
    }

    @Test
    void adminEndpointAcceptsAnAdminAndRefusesAMember() throws Exception {
        String admin = signUpAndSignIn("ada@example.com", "Ada");
        String member = signUpAndSignIn("bob@example.com", "Bob");
        String adminId = postern.users().findByEmail("ada@example.com").orElseThrow().id();
        postern.users().update(adminId, Map.of("role", "admin"));

        HttpResponse<String> asAdmin = get("/admin/report", "Cookie", admin);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(json(asAdmin).path("viewer").asString()).isEqualTo("ada@example.com");
        assertThat(get("/admin/report", "Cookie", member).statusCode()).isEqualTo(403);
        assertThat(get("/admin/report").statusCode()).isEqualTo(401);
    }

    @Test
    void protectedPageShowsTheSignedInUserAndRefusesStrangers() throws Exception {
        String cookies = signUpAndSignIn("cy@example.com", "Cy");

        HttpResponse<String> page = get("/me", "Cookie", cookies);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(json(page).path("email").asString()).isEqualTo("cy@example.com");
        assertThat(get("/me").statusCode()).isEqualTo(401);
        assertThat(get("/me", "Cookie", "better-auth.session_token=forged.value").statusCode()).isEqualTo(401);
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void bearerTokenFromSignInAuthenticatesAndSignOutEndsIt() throws Exception {
        postern.api().call("signUpEmail", ApiCall.body(Map.of(
                "email", "dee@example.com", "password", PASSWORD, "name", "Dee")));
        HttpResponse<String> signIn = post("/api/auth/sign-in/email",
                "{\"email\":\"dee@example.com\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(signIn.statusCode()).isEqualTo(200);
        String token = signIn.headers().firstValue("set-auth-token").orElseThrow();

        assertThat(get("/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> signOut = http.send(HttpRequest.newBuilder(uri("/api/auth/sign-out"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(get("/me", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void organizationPermissionsFollowTheActiveOrganizationAndItsStoredRoles() throws Exception {
        String eve = signUpAndSignIn("eve@example.com", "Eve");
        String fay = signUpAndSignIn("fay@example.com", "Fay");
        // Creating an organization makes Eve its owner and it her active organization.
        String acme = json(postWithSession("/api/auth/organization/create", eve,
                Map.of("name", "Acme", "slug", "acme"))).path("id").asString();
        HttpResponse<String> asOwner = get("/projects/new", "Cookie", eve);
        assertThat(asOwner.statusCode()).isEqualTo(200);
        assertThat(json(asOwner).path("organizationId").asString()).isEqualTo(acme);

        String fayId = postern.users().findByEmail("fay@example.com").orElseThrow().id();
        String fayMember = postern.api().call("addMember", ApiCall.body(Map.of("userId", fayId,
                "organizationId", acme, "role", "member"))).json().path("id").asString();
        assertThat(get("/projects/new", "Cookie", fay).statusCode()).as("no active organization").isEqualTo(403);
        setActive(fay, acme);
        assertThat(get("/projects/new", "Cookie", fay).statusCode()).as("member of Acme").isEqualTo(403);
        JsonNode me = json(get("/me", "Cookie", fay));
        assertThat(me.path("activeOrganizationId").asString()).isEqualTo(acme);
        assertThat(me.path("authorities").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("ORG_ROLE_member", "org:ac:read");

        // Her own organization lets her create projects; switching back to Acme takes that away again.
        String fayco = json(postWithSession("/api/auth/organization/create", fay,
                Map.of("name", "Fayco", "slug", "fayco"))).path("id").asString();
        HttpResponse<String> asFaycoOwner = get("/projects/new", "Cookie", fay);
        assertThat(asFaycoOwner.statusCode()).as("owner of Fayco").isEqualTo(200);
        assertThat(json(asFaycoOwner).path("organizationId").asString()).isEqualTo(fayco);
        setActive(fay, acme);
        assertThat(get("/projects/new", "Cookie", fay).statusCode()).isEqualTo(403);

        // A role Acme stores for itself counts like a configured one.
        assertThat(postWithSession("/api/auth/organization/create-role", eve, Map.of("role", "builder",
                "permission", Map.of("project", List.of("create")))).statusCode()).isEqualTo(200);
        assertThat(postWithSession("/api/auth/organization/update-member-role", eve, Map.of("memberId", fayMember,
                "role", "builder")).statusCode()).isEqualTo(200);
        HttpResponse<String> asBuilder = get("/projects/new", "Cookie", fay);
        assertThat(asBuilder.statusCode()).as("builder in Acme").isEqualTo(200);
        assertThat(json(asBuilder).path("organizationId").asString()).isEqualTo(acme);
    }

    @Test
    void healthReportsPosternUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("components").path("postern").path("status").asString()).isEqualTo("UP");
    }

    /** Signs up through Postern's Java API, then in over HTTP; returns the cookies as a Cookie header. */
    private String signUpAndSignIn(String email, String name) throws Exception {
        postern.api().call("signUpEmail", ApiCall.body(Map.of("email", email, "password", PASSWORD, "name", name)));
        HttpResponse<String> signIn = post("/api/auth/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(json(signIn).path("user").path("email").asString()).isEqualTo(email);
        List<String> setCookies = signIn.headers().allValues("set-cookie");
        assertThat(setCookies).anyMatch(c -> c.startsWith("better-auth.session_token="));
        return setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
    }

    private void setActive(String cookies, String organizationId) throws Exception {
        assertThat(postWithSession("/api/auth/organization/set-active", cookies,
                Map.of("organizationId", organizationId)).statusCode()).isEqualTo(200);
    }

    /** A signed-in browser's POST: its cookies, and the origin Postern trusts (the base URL). */
    private HttpResponse<String> postWithSession(String path, String cookies, Map<String, Object> body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Cookie", cookies).header("Origin", "http://localhost:8080")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.mapper().readTree(response.body());
    }
}
