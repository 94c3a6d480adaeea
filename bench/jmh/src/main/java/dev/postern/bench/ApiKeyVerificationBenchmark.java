package dev.postern.bench;

import dev.postern.PosternApi.ApiCall;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.plugin.apikey.ApiKeyHasher;
import dev.postern.plugin.apikey.ApiKeyOptions;
import dev.postern.plugin.apikey.ApiKeyPlugin;
import dev.postern.plugin.apikey.ApiKeyVerification;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * API-key verification on SQLite: {@code verifyApiKey} of a key without limits (lookup by hash, then
 * better-auth's {@code lastRequest} stamp), of a key with remaining uses (guarded decrement), of a key
 * under a per-key rate limit (guarded increment), and {@code GET /get-session} authenticated by
 * {@code x-api-key} through {@code Postern.handle}. Baseline: the indexed lookup of the key's row by its
 * hash, the one read every verification needs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ApiKeyVerificationBenchmark {
    private BenchPostern bench;
    private ApiKeyPlugin plugin;
    private String unlimited;
    private String unlimitedHash;
    private String counted;
    private String rateLimited;
    private AuthRequest sessionByKey;

    @Setup
    public void setUp() {
        plugin = new ApiKeyPlugin(ApiKeyOptions.defaults().withEnableSessionForAPIKeys(true));
        bench = BenchPostern.withPlugins(plugin);
        String userId = bench.session().userId();
        unlimited = create(userId, Map.of("rateLimitEnabled", false));
        unlimitedHash = ApiKeyHasher.hash(unlimited);
        // Enough uses and requests for any run: the measured path is the guarded update, never the refusal.
        counted = create(userId, Map.of("rateLimitEnabled", false, "remaining", 2_000_000_000));
        rateLimited = create(userId, Map.of("rateLimitMax", 2_000_000_000, "rateLimitTimeWindow", 86_400_000));
        sessionByKey = AuthRequest.builder("GET", "/api/auth/get-session").clientAddress("127.0.0.1")
                .header("x-api-key", unlimited).build();
        for (String key : new String[] {unlimited, counted, rateLimited}) {
            if (!plugin.verifyApiKey(key, null).valid()) {
                throw new IllegalStateException("set-up key does not verify");
            }
        }
        AuthResponse session = BenchPostern.requireOk(bench.postern().handle(sessionByKey), "get-session by x-api-key");
        if (!session.bodyText().contains("\"session\"")) {
            throw new IllegalStateException("x-api-key gave no session: " + session.bodyText());
        }
    }

    private String create(String userId, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("userId", userId);
        Object created = bench.postern().api().call("createApiKey", ApiCall.body(body)).value();
        return (String) ((Map<?, ?>) created).get("key");
    }

    @TearDown
    public void tearDown() {
        bench.close();
    }

    @Benchmark
    public Optional<Row> baselineLookupByHash() {
        return bench.postern().store().findOne("apikey", Where.eq("key", unlimitedHash));
    }

    @Benchmark
    public ApiKeyVerification verifyUnlimitedKey() {
        return plugin.verifyApiKey(unlimited, null);
    }

    @Benchmark
    public ApiKeyVerification verifyKeyWithRemainingUses() {
        return plugin.verifyApiKey(counted, null);
    }

    @Benchmark
    public ApiKeyVerification verifyRateLimitedKey() {
        return plugin.verifyApiKey(rateLimited, null);
    }

    @Benchmark
    public AuthResponse getSessionByApiKeyHeader() {
        return bench.postern().handle(sessionByKey);
    }
}
