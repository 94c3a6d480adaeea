package dev.postern.server.bench;

/**
 * Does nothing for a minute: the memory baseline of {@code bench/startup.sh}, an idle JVM of the same
 * version and defaults as the server, so the server's idle RSS can be reported as a ratio to it.
 */
public final class IdleJvm {
    private IdleJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(60_000);
    }
}
