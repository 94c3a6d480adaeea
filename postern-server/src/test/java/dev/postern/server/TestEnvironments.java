package dev.postern.server;

import dev.postern.server.cli.CliEnvironment;
import dev.postern.server.plugins.PluginRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Environments for tests: a temporary working directory, 127.0.0.1, a free port, and chosen variables. */
public final class TestEnvironments {
    private TestEnvironments() {
    }

    /** The working directory {@code dir}, listening on 127.0.0.1 at a free port, plus {@code extra} variables. */
    public static CliEnvironment in(Path dir, String... extra) {
        Map<String, String> env = new HashMap<>();
        env.put("POSTERN_HOST", "127.0.0.1");
        env.put("POSTERN_PORT", Integer.toString(freePort()));
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return new CliEnvironment(env, dir, PluginRegistry.discover(), Optional.of(Instant.now()));
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }
}
