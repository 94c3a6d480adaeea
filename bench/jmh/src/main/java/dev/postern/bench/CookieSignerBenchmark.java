package dev.postern.bench;

import dev.postern.crypto.CookieSigner;
import dev.postern.crypto.Secret;
import dev.postern.crypto.SecretRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Signed cookies ({@code session_token} is on nearly every request): sign, verify with the current
 * secret, and verify a cookie signed with the older secret of a two-secret ring (one HMAC more).
 * Baseline: HMAC-SHA256 of the same token bytes with a {@link Mac} initialised once, the bare
 * cryptographic cost; {@code hmacNewMacEachCall} shows what creating the {@code Mac} per call adds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CookieSignerBenchmark {
    /** A better-auth session token: 32 characters. */
    private static final String TOKEN = "bofFpMgPjXwV8bvGXh1haRXiHuSbSu2C";

    private byte[] key;
    private byte[] tokenBytes;
    private Mac mac;
    private CookieSigner signer;
    private CookieSigner rotatedSigner;
    private String signed;
    private String signedWithOldSecret;

    @Setup
    public void setUp() throws GeneralSecurityException {
        key = BenchPostern.SECRET.getBytes(StandardCharsets.UTF_8);
        tokenBytes = TOKEN.getBytes(StandardCharsets.UTF_8);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        signer = new CookieSigner(Secret.of(BenchPostern.SECRET));
        signed = signer.sign(TOKEN);
        rotatedSigner = new CookieSigner(SecretRing.versioned(
                SecretRing.parse("2:postern-bench-new-secret-0123456789abcdef,1:" + BenchPostern.SECRET),
                Optional.empty()));
        signedWithOldSecret = signed;
        if (signer.verify(signed).isEmpty() || rotatedSigner.verify(signedWithOldSecret).isEmpty()) {
            throw new IllegalStateException("signed cookie does not verify");
        }
    }

    @Benchmark
    public byte[] baselineHmacSha256() {
        return mac.doFinal(tokenBytes);
    }

    @Benchmark
    public byte[] hmacNewMacEachCall() throws GeneralSecurityException {
        Mac fresh = Mac.getInstance("HmacSHA256");
        fresh.init(new SecretKeySpec(key, "HmacSHA256"));
        return fresh.doFinal(tokenBytes);
    }

    @Benchmark
    public String sign() {
        return signer.sign(TOKEN);
    }

    @Benchmark
    public Optional<String> verify() {
        return signer.verify(signed);
    }

    @Benchmark
    public Optional<String> verifyWithOlderSecret() {
        return rotatedSigner.verify(signedWithOldSecret);
    }
}
