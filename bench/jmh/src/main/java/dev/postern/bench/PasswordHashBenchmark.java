package dev.postern.bench;

import dev.postern.crypto.Argon2idPasswordHasher;
import dev.postern.crypto.Scrypt;
import dev.postern.crypto.ScryptPasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.SCrypt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Password hashing, the slowest thing a sign-in does on purpose: better-auth's scrypt (N=16384, r=16)
 * and Postern's Argon2id, hash and verify; and the raw scrypt key derivation of Postern's own implementation
 * next to Bouncy Castle's, same inputs. Baseline: one SHA-256 of the same password, so the ratio reads as
 * "how many plain digests one password check costs".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PasswordHashBenchmark {
    private static final String PASSWORD = "correct horse battery staple";
    private static final byte[] SALT = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private final ScryptPasswordHasher scrypt = new ScryptPasswordHasher();
    private final Argon2idPasswordHasher argon2id = new Argon2idPasswordHasher();
    private byte[] passwordBytes;
    private String scryptHash;
    private String argon2idHash;

    @Setup
    public void setUp() {
        passwordBytes = PASSWORD.getBytes(StandardCharsets.UTF_8);
        scryptHash = scrypt.hash(PASSWORD);
        argon2idHash = argon2id.hash(PASSWORD);
        if (!scrypt.verify(scryptHash, PASSWORD) || !argon2id.verify(argon2idHash, PASSWORD)) {
            throw new IllegalStateException("a hasher does not verify its own hash");
        }
    }

    @Benchmark
    public byte[] baselineSha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(passwordBytes);
    }

    @Benchmark
    public String scryptHash() {
        return scrypt.hash(PASSWORD);
    }

    @Benchmark
    public boolean scryptVerify() {
        return scrypt.verify(scryptHash, PASSWORD);
    }

    @Benchmark
    public byte[] scryptDerivePostern() {
        return Scrypt.derive(passwordBytes, SALT, 16384, 16, 1, 64);
    }

    @Benchmark
    public byte[] scryptDeriveBouncyCastle() {
        return SCrypt.generate(passwordBytes, SALT, 16384, 16, 1, 64);
    }

    @Benchmark
    public String argon2idHash() {
        return argon2id.hash(PASSWORD);
    }

    @Benchmark
    public boolean argon2idVerify() {
        return argon2id.verify(argon2idHash, PASSWORD);
    }
}
