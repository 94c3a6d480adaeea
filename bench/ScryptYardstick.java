import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.ArrayList;
import java.util.List;
import dev.postern.crypto.Scrypt;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * The machine's raw scrypt throughput in Java at better-auth's parameters: N=16384, r=16, p=1, 64-byte key,
 * salt = 32 hex characters, with Postern's own scrypt ({@code dev.postern.crypto.Scrypt}, what sign-in uses)
 * or Bouncy Castle's ({@code SCrypt}, for comparison).
 * {@code java -cp postern-server.jar bench/ScryptYardstick.java [threads] [seconds] [warmup seconds] [postern|bouncycastle]}
 * (defaults: one thread per processor, 5 s, 2 s, postern). Each thread hashes back to back; a hash counts when
 * it completes inside the measured window (throughput = completions / window); both time and hash count are
 * bounded. Prints {@code hashes=… hps=… threads=… impl=…}.
 */
public final class ScryptYardstick {
    private static final int N = 16384;
    private static final int R = 16;
    private static final int P = 1;
    private static final int KEY_LENGTH = 64;
    private static final long MAX_HASHES = 100_000;

    private ScryptYardstick() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 5;
        long warmup = args.length > 2 ? Long.parseLong(args[2]) : 2;
        boolean bouncyCastle = args.length > 3 && args[3].equals("bouncycastle");
        long measureFrom = System.nanoTime() + warmup * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        AtomicLong budget = new AtomicLong(MAX_HASHES);
        List<Future<Long>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> hashUntil(measureFrom, end, budget, bouncyCastle)));
            }
        }
        long hashes = 0;
        for (Future<Long> worker : workers) {
            hashes += worker.get();
        }
        System.out.printf("hashes=%d hps=%.1f threads=%d impl=%s%n", hashes, hashes / (double) seconds, threads,
                bouncyCastle ? "bouncycastle" : "postern");
    }

    private static long hashUntil(long measureFrom, long end, AtomicLong budget, boolean bouncyCastle) {
        SecureRandom random = new SecureRandom();
        byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
        long counted = 0;
        while (System.nanoTime() < end && budget.getAndDecrement() > 0) {
            byte[] salt = new byte[16];
            random.nextBytes(salt);
            byte[] hexSalt = HexFormat.of().formatHex(salt).getBytes(StandardCharsets.UTF_8);
            if (bouncyCastle) {
                SCrypt.generate(password, hexSalt, N, R, P, KEY_LENGTH);
            } else {
                Scrypt.derive(password, hexSalt, N, R, P, KEY_LENGTH);
            }
            long done = System.nanoTime();
            if (done >= measureFrom && done <= end) {
                counted++;
            }
        }
        return counted;
    }
}
