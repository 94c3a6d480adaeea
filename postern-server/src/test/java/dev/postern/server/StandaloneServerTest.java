package dev.postern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.server.cli.CliEnvironment;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StandaloneServerTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static StandaloneServer start(CliEnvironment env) {
        return StandaloneServer.start(env.settings(Optional.empty()), env.plugins(), StandaloneServer.Options.defaults());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startWithDefaultsThenSqliteIsCreatedAndOkAnswersOverHttp() throws Exception {
        try (StandaloneServer server = start(TestEnvironments.in(dir))) {
            HttpResponse<String> ok = get(server.uri().resolve("/api/auth/ok"));

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"ok\":true}");
            assertThat(dir.resolve("data/postern.db")).exists();
        }
    }

    @Test
    void emailPasswordEnabledByIdThenSignUpWorksOverHttp() throws Exception {
        try (StandaloneServer server = start(TestEnvironments.in(dir, "POSTERN_PLUGINS", "email-password"))) {
            String origin = server.postern().config().origin();
            URI signUpUrl = server.uri().resolve("/api/auth/sign-up/email");
            HttpResponse<String> signUp = client.send(HttpRequest.newBuilder(signUpUrl)
                    .header("Content-Type", "application/json")
                    .header("Origin", origin)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery\",\"name\":\"Ada\"}"))
                    .timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(200);
            assertThat(signUp.body()).contains("\"email\":\"ada@example.com\"");
            assertThat(signUp.headers().allValues("set-cookie")).anyMatch(c -> c.startsWith("better-auth.session_token="));
        }
    }

    @Test
    void startWithoutSecretInDevelopmentThenGeneratedSecretIsStoredOwnerOnlyAndReused() throws Exception {
        CliEnvironment env = TestEnvironments.in(dir);
        Path secretFile = dir.resolve("data/secret");
        try (StandaloneServer first = start(env)) {
            assertThat(first.postern().config().secret()).hasSizeGreaterThanOrEqualTo(32);
        }
        String stored = Files.readString(secretFile).trim();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile))).isEqualTo("rw-------");

        try (StandaloneServer second = start(TestEnvironments.in(dir))) {
            assertThat(second.postern().config().secret()).isEqualTo(stored);
        }
    }

    @Test
    void startWithConfiguredSecretThenNoSecretFileIsWritten() {
        try (StandaloneServer server = start(TestEnvironments.in(dir, "POSTERN_SECRET", "x".repeat(40)))) {
            assertThat(server.postern().config().secret()).isEqualTo("x".repeat(40));
        }
        assertThat(dir.resolve("data/secret")).doesNotExist();
    }

    @Test
    void stopWhileARequestIsInFlightThenItFinishesAndThePortIsClosed() throws Exception {
        StandaloneServer server = start(TestEnvironments.in(dir, "POSTERN_PLUGINS", "test-slow"));
        TestPlugins.SLOW_STARTED.drainPermits();
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                HttpRequest.newBuilder(server.uri().resolve("/api/auth/test/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(TestPlugins.SLOW_STARTED.tryAcquire(5, TimeUnit.SECONDS)).as("slow request started").isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(5)));
        awaitConnectionsRefused(server.port());

        assertThat(slow).as("still in flight once the port closed").isNotDone();
        assertThatThrownBy(() -> new Socket("127.0.0.1", server.port()).close()).isInstanceOf(ConnectException.class);
        HttpResponse<String> finished = slow.get(5, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("{\"slow\":true}");
        stopping.get(5, TimeUnit.SECONDS);
    }

    @Test
    void pluginRefusingItsOptionsThenConfigErrorNamesItsSection() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), "plugins:\n  test-role:\n    fail: true\n");

        assertThatThrownBy(() -> start(TestEnvironments.in(dir)))
                .hasMessage("plugins.test-role: fail: this plugin was told to refuse its options");
    }

    @Test
    void portInUseThenConfigErrorNamingThePortVariable() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliEnvironment env = TestEnvironments.in(dir, "POSTERN_PORT", Integer.toString(taken.getLocalPort()));

            assertThatThrownBy(() -> start(env)).isInstanceOf(dev.postern.server.config.ConfigException.class)
                    .hasMessageStartingWith("POSTERN_PORT: cannot listen on 127.0.0.1:" + taken.getLocalPort());
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
