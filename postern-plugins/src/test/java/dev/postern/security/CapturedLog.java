package dev.postern.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything written to {@code System.out} and {@code System.err} while it is open, which is where
 * slf4j-simple (the test logger) writes every log line, from every thread. The streams are still passed
 * through, so the build output keeps the log.
 */
final class CapturedLog implements AutoCloseable {
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedLog() {
        System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
    }

    static CapturedLog start() {
        return new CapturedLog();
    }

    String text() {
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private final class Tee extends java.io.OutputStream {
        private final PrintStream passThrough;

        Tee(PrintStream passThrough) {
            this.passThrough = passThrough;
        }

        @Override
        public void write(int b) {
            synchronized (captured) {
                captured.write(b);
            }
            passThrough.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (captured) {
                captured.write(bytes, offset, length);
            }
            passThrough.write(bytes, offset, length);
        }
    }
}
