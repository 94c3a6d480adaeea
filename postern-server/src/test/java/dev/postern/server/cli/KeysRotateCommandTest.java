package dev.postern.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.json.Json;
import dev.postern.server.StandaloneServer;
import dev.postern.server.TestEnvironments;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code postern keys rotate} against the database of a running server: the server publishes the new key
 * at once, keeps the old one for the grace period, and signs with the new one within its key cache TTL.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KeysRotateCommandTest {
    private static final String SECRET = "keys-rotate-test-secret-0123456789-abcdefghijklmnop";

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();
    private String cookies = "";

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void rotateThenRunningServerPublishesBothKeysAndSignsWithTheNewOne() throws Exception {
        Files.writeString(dir.resolve("postern.yaml"), "plugins:\n  jwt:\n    jwks:\n      keyCacheTtl: 1\n");
        CliEnvironment env = TestEnvironments.in(dir, "POSTERN_PLUGINS", "jwt", "POSTERN_SECRET", SECRET);
        try (StandaloneServer server = StandaloneServer.start(env.settings(Optional.empty()), env.plugins(),
                StandaloneServer.Options.defaults())) {
            URI api = server.uri().resolve("/api/auth/");
            post(api.resolve("sign-up/email"), "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery\","
                    + "\"name\":\"Ada\"}");
            String oldKid = kid(token(api));

            CliRun run = CliRun.of(env, "keys", "rotate");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
            String newKid = run.out().replaceAll("(?s)^New signing key (\\S+) .*$", "$1");
            assertThat(newKid).isNotEqualTo(oldKid).doesNotContain(" ");
            assertThat(kids(api)).containsExactlyInAnyOrder(oldKid, newKid);
            Thread.sleep(1_100);
            assertThat(kid(token(api))).isEqualTo(newKid);
        }
    }

    @Test
    void rotateWithoutTheJwtPluginThenSaysToEnableIt() {
        CliEnvironment env = TestEnvironments.in(dir, "POSTERN_SECRET", SECRET);
        CliRun.of(env, "migrate");

        CliRun run = CliRun.of(env, "keys", "rotate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("jwt plugin is not enabled");
    }

    private String token(URI api) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(api.resolve("token")).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body()).get("token").asString();
    }

    private List<String> kids(URI api) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(api.resolve("jwks")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode keys = Json.parse(response.body()).get("keys");
        return keys.valueStream().map(k -> k.get("kid").asString()).toList();
    }

    /** A first request without cookies or Origin, as a server-side client sends it. */
    private void post(URI uri, String json) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        cookies = String.join("; ", response.headers().allValues("set-cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';'))).toList());
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        return Json.parse(header).get("kid").asString();
    }
}
