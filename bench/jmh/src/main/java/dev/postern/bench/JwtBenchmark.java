package dev.postern.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.json.Json;
import dev.postern.plugin.jwt.JwtAlgorithm;
import dev.postern.plugin.jwt.JwtOptions;
import dev.postern.plugin.jwt.JwtPlugin;
import dev.postern.plugin.jwt.KeyPairConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The jwt plugin, per algorithm: signing a session's token ({@code set-auth-jwt} on every get-session,
 * {@code GET /token}) from the cached key, verifying one ({@code verifyJWT}), and the whole
 * {@code GET /api/auth/token} through {@code Postern.handle} (session read from SQLite included).
 * Baseline: an HS256 JWS of the same claims with Nimbus's {@link MACSigner}, i.e. the JSON and
 * base64url work of any JWT plus one HMAC, so the ratio shows what the asymmetric signature costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JwtBenchmark {
    @Param({"EdDSA", "ES256", "RS256"})
    public String alg;

    private BenchPostern bench;
    private JwtPlugin jwt;
    private MACSigner hmac;
    private String claimsJson;
    private String token;
    private AuthRequest tokenRequest;

    @Setup(Level.Trial)
    public void setUp() throws JOSEException {
        JwtAlgorithm algorithm = JwtAlgorithm.named(alg).orElseThrow();
        jwt = new JwtPlugin(JwtOptions.builder().keyPairConfig(KeyPairConfig.of(algorithm)).build());
        bench = BenchPostern.withPlugins(jwt);
        token = jwt.tokens().forSession(bench.session());
        Optional<Map<String, Object>> claims = jwt.verifyJWT(token);
        if (claims.isEmpty()) {
            throw new IllegalStateException("the token does not verify");
        }
        claimsJson = Json.write(claims.get());
        hmac = new MACSigner(BenchPostern.SECRET.getBytes(StandardCharsets.UTF_8));
        tokenRequest = BenchPostern.get("/api/auth/token", bench.sessionCookie());
        BenchPostern.requireOk(bench.postern().handle(tokenRequest), "GET /token");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        bench.close();
    }

    @Benchmark
    public String baselineHs256SameClaims() throws JOSEException {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(claimsJson));
        jws.sign(hmac);
        return jws.serialize();
    }

    @Benchmark
    public String signSessionToken() {
        return jwt.tokens().forSession(bench.session());
    }

    @Benchmark
    public Optional<Map<String, Object>> verifyJwt() {
        return jwt.verifyJWT(token);
    }

    @Benchmark
    public AuthResponse getTokenEndpoint() {
        return bench.postern().handle(tokenRequest);
    }
}
