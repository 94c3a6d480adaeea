package dev.postern.bench.report;

import dev.postern.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Prints JMH's JSON results ({@code -rf json}) as one table with each benchmark's ratio to the baseline
 * of its group. A group is a benchmark class; its baseline is the method whose name starts with
 * {@code baseline}, measured in the same run. A ratio of 12.0 reads "twelve times the baseline's
 * time per operation".
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.postern.bench.report.RatioTable target/jmh.json}
 */
public final class RatioTable {
    private RatioTable() {
    }

    private record Result(String group, String method, double score, double error, String unit) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RatioTable <jmh.json>");
            System.exit(2);
        }
        JsonNode root = Json.parse(Files.readAllBytes(Path.of(args[0])));
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (JsonNode run : root) {
            String name = run.get("benchmark").asString();
            int dot = name.lastIndexOf('.');
            String group = name.substring(name.lastIndexOf('.', dot - 1) + 1, dot);
            JsonNode metric = run.get("primaryMetric");
            // JMH writes "NaN" (a string) as the error of a single iteration.
            JsonNode errorNode = metric.get("scoreError");
            double error = errorNode.isNumber() ? errorNode.asDouble() : 0;
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Result(group, name.substring(dot + 1),
                    metric.get("score").asDouble(), error, metric.get("scoreUnit").asString()));
        }
        System.out.printf(Locale.ROOT, "%-52s %14s %12s %-7s %10s%n", "benchmark", "score", "± error", "unit", "× baseline");
        for (List<Result> results : groups.values()) {
            Result baseline = results.stream().filter(r -> r.method().startsWith("baseline")).findFirst().orElse(null);
            for (Result r : results) {
                String ratio = baseline == null ? "n/a"
                        : r == baseline ? "(base)" : String.format(Locale.ROOT, "%.2f", r.score() / baseline.score());
                System.out.printf(Locale.ROOT, "%-52s %14s %12s %-7s %10s%n", r.group() + "." + r.method(),
                        figure(r.score()), figure(r.error()), r.unit(), ratio);
            }
        }
    }

    private static String figure(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.1f" : value >= 1 ? "%.3f" : "%.4f", value);
    }
}
