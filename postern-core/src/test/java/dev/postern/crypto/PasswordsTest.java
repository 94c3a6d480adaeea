package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void newPasswordsAreHashedWithBetterAuthsScryptByDefault() {
        assertThat(Passwords.withDefaults().hash("pw")).matches("[0-9a-f]{32}:[0-9a-f]{128}");
    }

    @Test
    void verifiesScryptAndArgon2idHashesWhicheverSchemeIsConfigured() {
        String scrypt = new ScryptPasswordHasher().hash("pw");
        String argon = new Argon2idPasswordHasher().hash("pw");
        Passwords passwords = Passwords.builder().hashNewPasswordsWith(new Argon2idPasswordHasher()).build();
        assertThat(passwords.verify(scrypt, "pw")).isTrue();
        assertThat(passwords.verify(argon, "pw")).isTrue();
        assertThat(passwords.verify(argon, "PW")).isFalse();
        assertThat(passwords.hash("pw")).startsWith("$argon2id$");
    }

    @Test
    void needsRehashWhenTheHashIsNotInTheConfiguredSchemeOrParameters() {
        String scrypt = new ScryptPasswordHasher().hash("pw");
        String cheapArgon = new Argon2idPasswordHasher(new Argon2idParameters(64, 1, 1)).hash("pw");
        assertThat(Passwords.withDefaults().needsRehash(scrypt)).isFalse();
        assertThat(Passwords.withDefaults().needsRehash(cheapArgon)).isTrue();
        Passwords argon = Passwords.builder().hashNewPasswordsWith(new Argon2idPasswordHasher()).build();
        assertThat(argon.needsRehash(scrypt)).isTrue();
        assertThat(argon.needsRehash(cheapArgon)).isTrue();
        assertThat(argon.needsRehash(argon.hash("pw"))).isFalse();
    }

    @Test
    void verifyDummyDoesAVerificationsWorkAndAlwaysFails() {
        CountingHasher counting = new CountingHasher();
        Passwords passwords = Passwords.builder().hashNewPasswordsWith(counting).build();
        assertThat(passwords.verifyDummy("whatever")).isFalse();
        assertThat(passwords.verifyDummy("whatever")).isFalse();
        assertThat(counting.verifications).hasValue(2);
    }

    @Test
    void unrecognisedHashFailsAfterTheSameWorkAsARealCheck() {
        CountingHasher counting = new CountingHasher();
        Passwords passwords = Passwords.builder().hashNewPasswordsWith(counting).build();
        assertThat(passwords.verify("not a hash", "pw")).isFalse();
        assertThat(counting.verifications).hasValue(1);
    }

    @Test
    void atMostMaxConcurrentHashesRunAtOnceAndTheRestQueue() throws Exception {
        BlockingHasher blocking = new BlockingHasher();
        Passwords passwords = Passwords.builder().hashNewPasswordsWith(blocking).maxConcurrentHashes(2).build();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String password = "pw" + i;
                results.add(threads.submit(() -> passwords.hash(password)));
            }
            awaitCondition(() -> blocking.running.get() == 2 && passwords.waitingHashes() == 4);
            assertThat(blocking.running).hasValue(2);

            blocking.release.countDown();
            for (Future<String> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).startsWith("blocked:");
            }
        }
        assertThat(blocking.maxRunning).hasValue(2);
        assertThat(blocking.completed).hasValue(6);
    }

    /**
     * Hashes run on the pool's platform threads, not on the (virtual) request thread that would hold a
     * carrier for the whole computation, and queued hashes start in the order they were asked for.
     */
    @Test
    void hashesRunOnPlatformThreadsFirstComeFirstServed() throws Exception {
        BlockingHasher blocking = new BlockingHasher();
        Passwords passwords = Passwords.builder().hashNewPasswordsWith(blocking).maxConcurrentHashes(1).build();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String password = "pw" + i;
                results.add(threads.submit(() -> passwords.hash(password)));
                int queued = i;
                // One at a time, so the arrival order is known: the first runs, the others queue behind it.
                awaitCondition(() -> blocking.running.get() == 1 && passwords.waitingHashes() == queued);
            }
            blocking.release.countDown();
            for (Future<String> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(blocking.order).containsExactly("pw0", "pw1", "pw2", "pw3", "pw4");
        assertThat(blocking.threads).allSatisfy(thread -> assertThat(thread.isVirtual()).isFalse());
    }

    @Test
    void aFailureInsideTheHasherReachesTheCaller() {
        PasswordHasher failing = new CountingHasher() {
            @Override
            public String hash(String password) {
                throw new IllegalArgumentException("refused");
            }
        };
        Passwords passwords = Passwords.builder().hashNewPasswordsWith(failing).build();
        assertThatThrownBy(() -> passwords.hash("pw")).isInstanceOf(IllegalArgumentException.class).hasMessage("refused");
    }

    /** Waits for a state the threads under test reach on their own; the deadline only guards against a hang. */
    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not reached");
            }
            Thread.sleep(5);
        }
    }

    private static class CountingHasher implements PasswordHasher {
        final AtomicInteger verifications = new AtomicInteger();

        @Override
        public String hash(String password) {
            return "counting:" + password;
        }

        @Override
        public boolean verify(String hash, String password) {
            verifications.incrementAndGet();
            return hash.equals("counting:" + password);
        }

        @Override
        public boolean recognizes(String hash) {
            return hash.startsWith("counting:");
        }
    }

    private static final class BlockingHasher implements PasswordHasher {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger maxRunning = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String hash(String password) {
            order.add(password);
            threads.add(Thread.currentThread());
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
            completed.incrementAndGet();
            return "blocked:" + password;
        }

        @Override
        public boolean verify(String hash, String password) {
            return false;
        }

        @Override
        public boolean recognizes(String hash) {
            return hash.startsWith("blocked:");
        }
    }
}
