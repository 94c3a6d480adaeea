package dev.postern.bench;

import dev.postern.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Writing the {@code get-session} response body ({@code {session, user}}, dates as JavaScript writes
 * them) with Postern's one mapper: as the handler returns it (maps with {@code Instant} dates), to bytes
 * as the response writer does, and to a {@code String}. Baseline: {@code Json.write} of an empty map,
 * the fixed cost of one call into the mapper.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonBenchmark {
    private Map<String, Object> empty;
    private Map<String, Object> body;

    @Setup
    public void setUp() {
        empty = new LinkedHashMap<>();
        body = SessionFixture.getSessionBody(Instant.parse("2026-11-26T17:03:10.032Z"));
        if (!Json.write(body).contains("\"createdAt\":\"2026-11-26T17:03:10.032Z\"")) {
            throw new IllegalStateException("dates are not written as JavaScript writes them: " + Json.write(body));
        }
    }

    @Benchmark
    public String baselineEmptyMap() {
        return Json.write(empty);
    }

    @Benchmark
    public byte[] sessionResponseBytes() {
        return Json.writeBytes(body);
    }

    @Benchmark
    public String sessionResponseString() {
        return Json.write(body);
    }
}
