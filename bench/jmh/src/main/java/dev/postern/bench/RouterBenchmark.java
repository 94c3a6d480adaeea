package dev.postern.bench;

import dev.postern.endpoint.Endpoint;
import dev.postern.endpoint.Router;
import java.util.HashMap;
import java.util.List;
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
 * Routing over the endpoints of a real instance (core, session, email-password, user): a static path
 * ({@code get-session}, on nearly every request), a parametric one ({@code /reset-password/:token}) and
 * a miss. Baseline: {@code HashMap.get} of a precomputed {@code "GET /get-session"} key in a map holding
 * as many entries as the router, the floor of a hash-based router.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouterBenchmark {
    private BenchPostern instance;
    private Router router;
    private Map<String, Endpoint> map;
    private String key;
    // Fields, not constants, so the JIT cannot fold the lookups away.
    private String get = "GET";
    private String staticPath = "/get-session";
    private String paramPath = "/reset-password/Wm9kQXbqLbNq3mP7u2x1";
    private String missingPath = "/no-such-endpoint";

    @Setup
    public void setUp() {
        instance = BenchPostern.withoutCookieCache();
        List<Endpoint> endpoints = instance.postern().endpoints();
        router = new Router(endpoints);
        map = new HashMap<>();
        for (Endpoint endpoint : endpoints) {
            for (String method : endpoint.methods()) {
                map.put(method + " " + endpoint.path(), endpoint);
            }
        }
        key = new String("GET /get-session");
        if (router.find(get, staticPath).isEmpty() || router.find(get, paramPath).isEmpty()
                || router.find(get, missingPath).isPresent() || map.get(key) == null) {
            throw new IllegalStateException("routes are not what this benchmark expects");
        }
    }

    @TearDown
    public void tearDown() {
        instance.close();
    }

    @Benchmark
    public Endpoint baselineHashMapGet() {
        return map.get(key);
    }

    @Benchmark
    public Optional<Router.Match> staticRoute() {
        return router.find(get, staticPath);
    }

    @Benchmark
    public Optional<Router.Match> parametricRoute() {
        return router.find(get, paramPath);
    }

    @Benchmark
    public Optional<Router.Match> notFound() {
        return router.find(get, missingPath);
    }
}
