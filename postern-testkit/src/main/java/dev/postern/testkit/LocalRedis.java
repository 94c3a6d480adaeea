package dev.postern.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's Redis on 127.0.0.1:6379. A test that needs it is skipped when it is down, unless
 * {@code -Dpostern.requireServices=true} (CI), in which case it fails and names Redis.
 */
public final class LocalRedis {
    public static final String URL = "redis://127.0.0.1:6379";
    private static final String REQUIRE_SERVICES = "postern.requireServices";

    private LocalRedis() {
    }

    public static void assumeAvailable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
        } catch (IOException e) {
            String message = "Redis is not reachable on 127.0.0.1:6379 (" + e.getMessage() + ")";
            if (Boolean.getBoolean(REQUIRE_SERVICES)) {
                throw new AssertionError(message + "; postern.requireServices=true forbids skipping. Start it (see .ci/run).");
            }
            Assumptions.abort(message);
        }
    }

    /** A key prefix no other test run shares, so runs never see each other's keys. */
    public static String uniquePrefix() {
        return "postern-test:" + dev.postern.crypto.Ids.random(12, "abcdefghijklmnopqrstuvwxyz0123456789") + ":";
    }
}
