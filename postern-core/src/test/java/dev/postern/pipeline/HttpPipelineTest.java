package dev.postern.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.NoStore;
import dev.postern.Postern;
import dev.postern.PosternConfig;
import dev.postern.ProbePlugin;
import dev.postern.error.ApiException;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.http.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transport conventions of better-auth-wire.md §2, through {@code Postern.handle}. */
class HttpPipelineTest {
    private final Postern postern = Postern.create(PosternConfig.builder()
            .secret("a-test-secret-that-is-long-enough-0123456789")
            .database(NoStore.PROVIDER)
            .plugin(new ProbePlugin())
            .disabledPaths(List.of("/nothing"))
            .build());

    private AuthResponse post(String path, String contentType, String body) {
        return postern.handle(AuthRequest.builder("POST", path).header("Content-Type", contentType).body(body).build());
    }

    @Test
    void okAnswersTrue() {
        AuthResponse response = postern.handle(AuthRequest.get("/api/auth/ok"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("{\"ok\":true}");
        assertThat(response.header("Content-Type")).contains("application/json");
    }

    @Test
    void unknownPathsAndPathsOutsideTheBasePathAre404WithEmptyBody() {
        for (String path : List.of("/api/auth/nope", "/other", "/api/authx/ok", "/api/auth//ok", "/api/auth")) {
            AuthResponse response = postern.handle(AuthRequest.get(path));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEmpty();
        }
    }

    @Test
    void disabledPathsAnswerPlainNotFound() {
        AuthResponse response = postern.handle(AuthRequest.get("/api/auth/nothing"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyText()).isEqualTo("Not Found");
    }

    @Test
    void validationErrorsAre400WithLiteralReasonAndZodMessage() {
        AuthResponse response = post("/api/auth/sign-up/probe", "application/json", "{\"email\":\"nope\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("400");
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"[body.email] Invalid email address\",\"code\":\"VALIDATION_ERROR\"}");
    }

    @Test
    void formBodiesAreAcceptedWhereDeclared() {
        AuthResponse response = post("/api/auth/sign-up/probe", "application/x-www-form-urlencoded; charset=UTF-8",
                "email=ada%40example.com&name=Ada+L");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("{\"email\":\"ada@example.com\"}");
    }

    @Test
    void otherMediaTypesAre415ListingTheAllowedOnes() {
        AuthResponse response = post("/api/auth/sign-up/probe", "text/plain", "hi");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"Content-Type \\\"text/plain\\\" is not allowed. "
                + "Allowed types: application/x-www-form-urlencoded, application/json\",\"code\":\"UNSUPPORTED_MEDIA_TYPE\"}");
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        AuthResponse response = postern.handle(AuthRequest.builder("POST", "/api/auth/sign-up/probe").body("{}").build());

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.bodyText()).contains("Content-Type is required. Allowed types:");
    }

    @Test
    void malformedJsonIs400BadRequest() {
        AuthResponse response = post("/api/auth/sign-up/probe", "application/json", "{\"email\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.reason()).isEqualTo("BAD_REQUEST");
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"Invalid JSON in request body\",\"code\":\"BAD_REQUEST\"}");
    }

    @Test
    void apiErrorsUseTheStatusNameAsReasonAndKeepCookiesSetBeforeTheThrow() {
        AuthResponse response = postern.handle(AuthRequest.builder("POST", "/api/auth/conflict").build());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.reason()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(response.bodyText()).isEqualTo("{\"message\":\"User already exists.\",\"code\":\"USER_ALREADY_EXISTS\"}");
        assertThat(response.headers().all("Set-Cookie")).containsExactly("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void unexpectedFailuresAre500WithAnEmptyBody() {
        AuthResponse response = postern.handle(AuthRequest.get("/api/auth/boom"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void nullResultsAreTheJsonLiteralNullAndNoStoreAddsCacheHeaders() {
        Postern open = Postern.create(PosternConfig.builder().secret("a-test-secret-that-is-long-enough-0123456789")
                .database(NoStore.PROVIDER).plugin(new ProbePlugin()).build());

        AuthResponse response = open.handle(AuthRequest.get("/api/auth/nothing"));

        assertThat(response.bodyText()).isEqualTo("null");
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Pragma")).contains("no-cache");
    }

    @Test
    void beforeHooksCanAnswerInsteadOfTheHandlerAndAfterHooksAddCookies() {
        AuthResponse blocked = post("/api/auth/sign-up/probe", "application/json", "{\"email\":\"blocked@example.com\"}");
        AuthResponse passed = post("/api/auth/sign-up/probe", "application/json", "{\"email\":\"ada@example.com\"}");

        assertThat(blocked.bodyText()).isEqualTo("{\"blocked\":true}");
        assertThat(blocked.headers().all("Set-Cookie")).isEmpty();
        assertThat(passed.headers().all("Set-Cookie")).containsExactly("probe=after; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void serverOnlyEndpointsAreNotReachableOverHttp() {
        assertThat(postern.handle(AuthRequest.builder("POST", "/api/auth/serverSecret").build()).status()).isEqualTo(404);
    }

    @Test
    void theErrorPageEscapesWhatTheQueryCarries() {
        AuthResponse response = postern.handle(AuthRequest.get(
                "/api/auth/error?error=state_mismatch%3Cscript%3E&error_description=%3Cimg%20src%3Dx%3E"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.bodyText()).contains("state_mismatchscript").contains("&lt;img src=x&gt;").doesNotContain("<img").doesNotContain("<script");
    }

    @Test
    void aConfiguredBasePathMovesEveryEndpoint() {
        Postern moved = Postern.create(PosternConfig.builder().secret("a-test-secret-that-is-long-enough-0123456789")
                .database(NoStore.PROVIDER).basePath("/auth/").build());

        assertThat(moved.handle(AuthRequest.get("/auth/ok")).status()).isEqualTo(200);
        assertThat(moved.handle(AuthRequest.get("/api/auth/ok")).status()).isEqualTo(404);
    }

    @Test
    void apiErrorExceptionsCarryTheirCodeWhenThrownFromJava() {
        ApiException e = ProbePlugin.USER_ALREADY_EXISTS.toException(Status.UNPROCESSABLE_ENTITY);
        assertThat(e.code()).isEqualTo("USER_ALREADY_EXISTS");
        assertThat(e.reason()).isEqualTo("UNPROCESSABLE_ENTITY");
    }
}
