package dev.postern.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The password service the endpoints use: hashes new passwords with the configured scheme (better-auth's
 * scrypt unless told otherwise), verifies scrypt and Argon2id hashes alike by recognising their format,
 * and tells when a stored hash should be upgraded.
 *
 * <p>Hashing is deliberately expensive (scrypt here takes 32 MiB and about a hundred milliseconds of CPU),
 * so it runs on its own small pool of platform threads, at most {@code maxConcurrentHashes} at once (by
 * default one per processor); further callers wait in arrival order in the pool's queue, parked, which
 * costs nothing on virtual threads. Why a pool and not a semaphore on the caller's thread: a virtual
 * thread is never preempted, so two hashes running on the request threads would hold both carriers of a
 * 2-core machine for their whole duration, stalling every other request (get-session included) and
 * letting a few connections' sign-ins starve for seconds (p99 4 s against a p50 of 0.12 s under
 * {@code bench/run.sh}). Platform threads are time-sliced by the OS, and the queue is first come, first
 * served. This keeps a burst of sign-ins from exhausting memory or starving the rest of the server.
 *
 * <p>To keep response times from revealing which accounts exist, a sign-in for an unknown user (or one
 * without a password) should call {@link #verifyDummy(String)}, which does the same work as a real
 * verification and always fails.
 */
public final class Passwords {
    private final PasswordHasher forNewPasswords;
    private final List<PasswordHasher> readers;
    private final ThreadPoolExecutor hashing;
    private volatile String dummyHash;

    private Passwords(Builder builder) {
        this.forNewPasswords = builder.forNewPasswords;
        List<PasswordHasher> all = new ArrayList<>();
        all.add(builder.forNewPasswords);
        all.add(new ScryptPasswordHasher());
        all.add(new Argon2idPasswordHasher());
        this.readers = List.copyOf(all);
        this.hashing = hashingPool(builder.maxConcurrentHashes);
    }

    /** scrypt for new passwords, one concurrent hash per available processor. */
    public static Passwords withDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A new hash of {@code password} in the configured scheme. */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        return bounded(() -> forNewPasswords.hash(password));
    }

    /**
     * Whether {@code password} matches {@code hash}, whichever supported scheme made it. A hash no scheme
     * recognises costs as much as a real check and fails.
     */
    public boolean verify(String hash, String password) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(password, "password");
        for (PasswordHasher reader : readers) {
            if (reader.recognizes(hash)) {
                return bounded(() -> reader.verify(hash, password));
            }
        }
        return verifyDummy(password);
    }

    /** Spends the time of a real verification against a fixed hash; always false. */
    public boolean verifyDummy(String password) {
        Objects.requireNonNull(password, "password");
        String dummy = dummyHash();
        bounded(() -> forNewPasswords.verify(dummy, password));
        return false;
    }

    /** Whether {@code hash} was made by another scheme, or with other parameters, than new hashes use. */
    public boolean needsRehash(String hash) {
        return !forNewPasswords.recognizes(hash) || forNewPasswords.needsRehash(hash);
    }

    /** How many computations wait for a hashing thread right now; for metrics and tests. */
    public int waitingHashes() {
        return hashing.getQueue().size();
    }

    /** Daemon threads, created when first needed and ended after a minute idle, so an idle server holds none. */
    private static ThreadPoolExecutor hashingPool(int threads) {
        AtomicInteger created = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "postern-password-hash-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private String dummyHash() {
        String dummy = dummyHash;
        if (dummy == null) {
            // Computed once, lazily, so start-up stays fast; a race only computes it twice.
            dummy = bounded(() -> forNewPasswords.hash(Ids.generate()));
            dummyHash = dummy;
        }
        return dummy;
    }

    private <T> T bounded(Supplier<T> computation) {
        Future<T> result = hashing.submit(computation::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a password hash");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("password hashing failed", e.getCause());
        }
    }

    /** Settings of {@link Passwords}; every one has a sensible default. */
    public static final class Builder {
        private PasswordHasher forNewPasswords = new ScryptPasswordHasher();
        private int maxConcurrentHashes = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /** The scheme for new hashes; default {@link ScryptPasswordHasher}, better-auth's. */
        public Builder hashNewPasswordsWith(PasswordHasher hasher) {
            this.forNewPasswords = Objects.requireNonNull(hasher, "hashNewPasswordsWith");
            return this;
        }

        /** Upper bound on simultaneous hash computations; default the number of available processors. */
        public Builder maxConcurrentHashes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentHashes must be at least 1, was " + max);
            }
            this.maxConcurrentHashes = max;
            return this;
        }

        public Passwords build() {
            return new Passwords(this);
        }
    }
}
