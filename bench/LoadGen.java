import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A small closed-loop HTTP load generator for the benchmarks (run with the JDK's source launcher, no build):
 * {@code java bench/LoadGen.java --url URL [--method GET|POST] [--body JSON | --body-template JSON]
 * [--header "Name: value"]... [--connections 32] [--seconds 10] [--warmup 3] [--max-requests N]}.
 *
 * <p>{@code --body-template} sends a different body each time: every {@code {n}} in it is replaced by a
 * counter shared by all workers (0, 1, 2, ...), e.g. for sign-ups that each need a new e-mail address.
 *
 * <p>Each of {@code connections} workers sends one request, waits for the answer, and sends the next, for
 * {@code seconds} after a warm-up whose requests are not counted; both bounds (time and request count) are
 * hard. A request counts (throughput and latency) when its answer arrives inside the measured window, so
 * slow requests straddling the window's edges do not bias the rate down. Prints one line: {@code requests=… rps=… p50_ms=… p99_ms=… errors=…}, where an error is a non-2xx
 * status or a failed exchange. Only 127.0.0.1 URLs are accepted.
 */
public final class LoadGen {
    private LoadGen() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = parse(args);
        URI url = URI.create(one(options, "url", null));
        if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
            throw new IllegalArgumentException("--url: only 127.0.0.1 / localhost, was " + url.getHost());
        }
        String method = one(options, "method", "GET");
        String body = one(options, "body", null);
        String bodyTemplate = one(options, "body-template", null);
        if (body != null && bodyTemplate != null) {
            throw new IllegalArgumentException("--body and --body-template exclude each other");
        }
        int connections = Integer.parseInt(one(options, "connections", "32"));
        long seconds = Long.parseLong(one(options, "seconds", "10"));
        long warmup = Long.parseLong(one(options, "warmup", "3"));
        long maxRequests = Long.parseLong(one(options, "max-requests", "5000000"));
        List<String> headers = options.getOrDefault("header", List.of());

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        HttpRequest.Builder template = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean hasBody = body != null || bodyTemplate != null;
        for (String header : headers) {
            int colon = header.indexOf(':');
            template.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        if (hasBody && headers.stream().noneMatch(h -> h.toLowerCase().startsWith("content-type:"))) {
            template.header("Content-Type", "application/json");
        }
        HttpRequest fixed = template.build();
        AtomicLong counter = new AtomicLong();
        Supplier<HttpRequest> requests = bodyTemplate == null ? () -> fixed : () -> template.copy()
                .method(method, HttpRequest.BodyPublishers.ofString(
                        bodyTemplate.replace("{n}", Long.toString(counter.getAndIncrement()))))
                .build();

        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
        AtomicLong budget = new AtomicLong(maxRequests);
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                workers.add(pool.submit(() -> run(client, requests, measureFrom, end, budget, errors)));
            }
        }
        long[] all = workers.stream().map(LoadGen::join).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        long measuredNanos = Math.min(System.nanoTime(), end) - measureFrom;
        double rps = all.length / (measuredNanos / 1e9);
        System.out.printf("requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d%n",
                all.length, rps, percentile(all, 0.50), percentile(all, 0.99), errors.get());
        client.close();
    }

    /** One worker: latencies (ns) of the requests it completed inside the measured window. */
    private static long[] run(HttpClient client, Supplier<HttpRequest> requests, long measureFrom, long end, AtomicLong budget,
                              AtomicLong errors) {
        long[] latencies = new long[1024];
        int count = 0;
        while (System.nanoTime() < end && budget.getAndDecrement() > 0) {
            long sent = System.nanoTime();
            boolean ok;
            try {
                HttpResponse<byte[]> response = client.send(requests.get(), HttpResponse.BodyHandlers.ofByteArray());
                ok = response.statusCode() >= 200 && response.statusCode() < 300;
                if (!ok) {
                    reportFirst(response.statusCode() + " " + new String(response.body(), 0,
                            Math.min(200, response.body().length), java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (Exception e) {
                ok = false;
                reportFirst(e.toString());
            }
            long done = System.nanoTime();
            if (done >= measureFrom && done <= end) {
                if (!ok) {
                    errors.incrementAndGet();
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = done - sent;
            }
        }
        return Arrays.copyOf(latencies, count);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean REPORTED = new java.util.concurrent.atomic.AtomicBoolean();

    /** The first failure of the run, on stderr, so that an error count comes with its cause. */
    private static void reportFirst(String what) {
        if (REPORTED.compareAndSet(false, true)) {
            System.err.println("LoadGen: first error: " + what);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static long[] join(Future<long[]> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        return options;
    }

    private static String one(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        if (values == null) {
            if (fallback == null && !name.startsWith("body")) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return fallback;
        }
        return values.getLast();
    }
}
