package dev.postern.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.server.TestEnvironments;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POSTERN_REDIS_URL} from the CLI's side: a bad URL stops start-up, {@code doctor} PINGs, passwords stay hidden. */
class RedisDoctorTest {
    private static final String PASSWORD = "redis-password-never-shown";

    @TempDir
    Path dir;

    @Test
    void aBadRedisUrlIsRefusedInOneLineNamingTheKeyWithoutThePassword() {
        CliRun run = CliRun.of(TestEnvironments.in(dir, "POSTERN_REDIS_URL", "http://:" + PASSWORD + "@cache:6379"),
                "doctor");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("POSTERN_REDIS_URL: not a Redis URL: http://:***@cache:6379")
                .doesNotContain(PASSWORD);
        assertThat(run.out()).doesNotContain(PASSWORD);
    }

    @Test
    void doctorReportsAnUnreachableRedisMaskedAndExitsOne() {
        CliRun run = CliRun.of(TestEnvironments.in(dir, "POSTERN_REDIS_URL", "redis://:" + PASSWORD + "@127.0.0.1:1/0"),
                "doctor");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Secondary storage", "redis://:***@127.0.0.1:1/0", "reachable", "NO: ")
                .doesNotContain(PASSWORD);
        assertThat(run.err()).doesNotContain(PASSWORD);
    }

    @Test
    void doctorReportsAReachableRedis() {
        assumeLocalRedis();
        CliRun run = CliRun.of(TestEnvironments.in(dir, "POSTERN_REDIS_URL", "redis://127.0.0.1:6379"), "doctor");

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(run.out()).contains("redis://127.0.0.1:6379  (POSTERN_REDIS_URL)").containsPattern("reachable +yes");
    }

    private static void assumeLocalRedis() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
        } catch (IOException e) {
            String message = "Redis is not reachable on 127.0.0.1:6379 (" + e.getMessage() + ")";
            if (Boolean.getBoolean("postern.requireServices")) {
                throw new AssertionError(message + "; postern.requireServices=true forbids skipping.");
            }
            Assumptions.abort(message);
        }
    }
}
