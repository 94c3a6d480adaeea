package dev.postern.security;

import static dev.postern.security.SecurityProbePlugin.APP;
import static dev.postern.security.SecurityProbePlugin.EVIL;
import static dev.postern.security.SecurityProbePlugin.post;
import static dev.postern.security.SecurityProbePlugin.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.Postern;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** CORS for browser apps on trusted origins: preflights, credentialed responses, {@code Vary: Origin}. */
class CorsTest {
    private final Postern postern = SecurityProbePlugin.start(UnaryOperator.identity());

    private static AuthRequest preflight(String path, String origin) {
        return request("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
    }

    @Test
    void aPreflightFromATrustedOriginIsAnsweredWithCredentials() {
        AuthResponse response = postern.handle(preflight("/probe/change", APP));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("Access-Control-Allow-Origin")).contains(APP);
        assertThat(response.header("Access-Control-Allow-Credentials")).contains("true");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("GET, POST, PUT, PATCH, DELETE");
        assertThat(response.header("Access-Control-Allow-Headers"))
                .contains("content-type, authorization, x-requested-with, x-captcha-response");
        assertThat(response.header("Access-Control-Max-Age")).contains("600");
        assertThat(response.header("Vary")).contains("Origin");
    }

    @Test
    void aPreflightIsAnsweredForAnyPathUnderTheBasePath() {
        assertThat(postern.handle(preflight("/plugin/not/installed", APP)).status()).isEqualTo(204);
        assertThat(postern.handle(AuthRequest.builder("OPTIONS", "/elsewhere").header("Origin", APP)
                .header("Access-Control-Request-Method", "POST").build()).status()).isEqualTo(404);
    }

    @Test
    void aPreflightFromAnUntrustedOriginGetsNoCorsHeaders() {
        AuthResponse response = postern.handle(preflight("/probe/change", EVIL));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.headers().asMap().keySet()).noneMatch(name -> name.startsWith("Access-Control-"));
        assertThat(response.header("Vary")).contains("Origin");
    }

    @Test
    void anOptionsRequestThatIsNotAPreflightIsRoutedAsUsual() {
        assertThat(postern.handle(request("OPTIONS", "/probe/change", "Origin", APP)).status()).isEqualTo(404);
    }

    @Test
    void aResponseToATrustedOriginAllowsItWithCredentialsNeverAStar() {
        AuthResponse response = postern.handle(request("GET", "/probe/read", "Origin", APP));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().all("Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(response.header("Access-Control-Allow-Credentials")).contains("true");
        assertThat(response.header("Vary")).contains("Origin");
    }

    @Test
    void anErrorToATrustedOriginIsReadableByItsApp() {
        AuthResponse response = postern.handle(post("/probe/change", "{\"callbackURL\":\"https://evil.example\"}",
                "Origin", APP));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).contains(APP);
    }

    @Test
    void aResponseToAnUntrustedOriginHasNoCorsHeadersButVaries() {
        AuthResponse response = postern.handle(request("GET", "/probe/read", "Origin", EVIL));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.header("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(response.header("Vary")).contains("Origin");
    }

    @Test
    void anOriginThatOnlyLooksTrustedGetsNoCorsHeaders() {
        for (String origin : List.of("https://app.example.com.evil.example", "null", "https://app.example.com@evil.example",
                "https://APP.example.com\r\nX-Injected: 1")) {
            assertThat(postern.handle(request("GET", "/probe/read", "Origin", origin)).header("Access-Control-Allow-Origin"))
                    .as(origin).isEmpty();
        }
    }

    @Test
    void exposedHeadersAreMergedWithAPluginsOwn() {
        Postern exposing = SecurityProbePlugin.start(s -> s.withCors(CorsSettings.defaults()
                .withExposedHeaders(List.of("x-request-id", "Set-Auth-Token"))));

        AuthResponse response = exposing.handle(post("/probe/token", "{}", "Origin", APP));

        assertThat(response.headers().all("Access-Control-Expose-Headers")).containsExactly("set-auth-token, x-request-id");
    }

    @Test
    void methodsHeadersAndMaxAgeAreConfigurable() {
        Postern custom = SecurityProbePlugin.start(s -> s.withCors(CorsSettings.defaults()
                .withAllowedMethods(List.of("GET", "POST"))
                .withAllowedHeaders(List.of("content-type", "x-tenant"))
                .withMaxAge(Duration.ofHours(2))));

        AuthResponse response = custom.handle(preflight("/probe/change", APP));

        assertThat(response.header("Access-Control-Allow-Methods")).contains("GET, POST");
        assertThat(response.header("Access-Control-Allow-Headers")).contains("content-type, x-tenant");
        assertThat(response.header("Access-Control-Max-Age")).contains("7200");
    }

    @Test
    void withCorsDisabledPostermAnswersAsBetterAuthDoes() {
        Postern noCors = SecurityProbePlugin.start(s -> s.withCors(CorsSettings.disabled()));

        assertThat(noCors.handle(preflight("/probe/change", APP)).status()).isEqualTo(404);
        AuthResponse response = noCors.handle(request("GET", "/probe/read", "Origin", APP));
        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.header("Vary")).isEmpty();
    }
}
