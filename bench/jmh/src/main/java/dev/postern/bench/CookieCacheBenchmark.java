package dev.postern.bench;

import dev.postern.crypto.CachedSession;
import dev.postern.crypto.CookieCacheCodec;
import dev.postern.crypto.CookieCacheStrategy;
import dev.postern.crypto.Secret;
import dev.postern.json.Json;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code session_data} cookie cache in better-auth's three formats: {@code compact} (base64 JSON +
 * HMAC), {@code jwt} (HS256) and {@code jwe} (A256CBC-HS512 under an HKDF key), encode and decode of a
 * realistic {@code {session, user, updatedAt, version}} payload. Baseline: serialising that payload with
 * {@code Json.writeBytes} and one HMAC-SHA256 over the bytes, the least any signed cache must do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CookieCacheBenchmark {
    private static final Duration LIFETIME = Duration.ofHours(1);

    private ObjectNode sessionData;
    private Mac mac;
    private CookieCacheCodec compact;
    private CookieCacheCodec jwt;
    private CookieCacheCodec jwe;
    private String compactCookie;
    private String jwtCookie;
    private String jweCookie;

    @Setup
    public void setUp() throws GeneralSecurityException {
        Clock clock = Clock.systemUTC();
        Secret secret = Secret.of(BenchPostern.SECRET);
        sessionData = SessionFixture.cookieCacheData(Instant.now(clock));
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.bytes(), "HmacSHA256"));
        compact = CookieCacheCodec.of(CookieCacheStrategy.COMPACT, secret, clock);
        jwt = CookieCacheCodec.of(CookieCacheStrategy.JWT, secret, clock);
        jwe = CookieCacheCodec.of(CookieCacheStrategy.JWE, secret, clock);
        compactCookie = compact.encode(sessionData, LIFETIME);
        jwtCookie = jwt.encode(sessionData, LIFETIME);
        jweCookie = jwe.encode(sessionData, LIFETIME);
        if (compact.decode(compactCookie).isEmpty() || jwt.decode(jwtCookie).isEmpty() || jwe.decode(jweCookie).isEmpty()) {
            throw new IllegalStateException("a cookie-cache codec does not decode its own cookie");
        }
    }

    @Benchmark
    public byte[] baselineJsonAndHmac() {
        return mac.doFinal(Json.writeBytes(sessionData));
    }

    @Benchmark
    public String compactEncode() {
        return compact.encode(sessionData, LIFETIME);
    }

    @Benchmark
    public Optional<CachedSession> compactDecode() {
        return compact.decode(compactCookie);
    }

    @Benchmark
    public String jwtEncode() {
        return jwt.encode(sessionData, LIFETIME);
    }

    @Benchmark
    public Optional<CachedSession> jwtDecode() {
        return jwt.decode(jwtCookie);
    }

    @Benchmark
    public String jweEncode() {
        return jwe.encode(sessionData, LIFETIME);
    }

    @Benchmark
    public Optional<CachedSession> jweDecode() {
        return jwe.decode(jweCookie);
    }
}
