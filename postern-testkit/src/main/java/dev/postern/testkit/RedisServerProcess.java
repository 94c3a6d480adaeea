package dev.postern.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away {@code redis-server} a test starts and stops itself, on a spare port of 127.0.0.1 with no
 * persistence, to take Redis away and bring it back. Skipped (or failed, under
 * {@code postern.requireServices}) where {@code redis-server} is not installed.
 */
public final class RedisServerProcess implements AutoCloseable {
    private static final long START_BOUND_MILLIS = 10_000;

    private final int port;
    private final Path dir;
    private Process process;

    private RedisServerProcess(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Picks a spare port without starting anything there yet. */
    public static RedisServerProcess onSparePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new RedisServerProcess(probe.getLocalPort(), Files.createTempDirectory("postern-redis-"));
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts redis-server and waits, within a bound, until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            String message = "redis-server cannot be started (" + e.getMessage() + ")";
            if (Boolean.getBoolean("postern.requireServices")) {
                throw new AssertionError(message + "; postern.requireServices=true forbids skipping.", e);
            }
            Assumptions.abort(message);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_BOUND_MILLIS);
        while (!accepts()) {
            if (System.nanoTime() - deadline > 0 || !process.isAlive()) {
                throw new AssertionError("redis-server did not start on port " + port);
            }
            Thread.sleep(50);
        }
    }

    /** Stops redis-server and waits for it to exit, so its port refuses connections afterwards. */
    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
