package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postern.endpoint.Endpoint;
import dev.postern.http.AuthRequest;
import dev.postern.http.AuthResponse;
import dev.postern.json.Json;
import dev.postern.plugin.emailpassword.EmailPasswordPlugin;
import dev.postern.plugin.session.SessionPlugin;
import dev.postern.plugin.support.Users;
import dev.postern.plugin.user.UserOptions;
import dev.postern.plugin.user.UserPlugin;
import dev.postern.testkit.TestClient;
import dev.postern.testkit.TestDatabase;
import dev.postern.testkit.TestPostern;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * Sends at least 10,000 malformed requests to every HTTP endpoint the instance registered (generated from
 * the declarations by {@link MalformedRequests}, so new plugins are covered without new test code), most
 * through {@code postern.handle} and a share over real HTTP through Jetty. None may get a 5xx, every 4xx
 * must be better-auth's error shape, a request with a defect must never succeed, and the user, session,
 * account and verification tables must keep their row counts.
 *
 * <p>The seed is printed; rerun one with {@code -Dpostern.fuzz.seed=<seed>} (and more requests with
 * {@code -Dpostern.fuzz.requests=<n>}).
 */
class EndpointFuzzTest {
    private static final int IN_PROCESS = Integer.getInteger("postern.fuzz.requests", 10_000);
    private static final int OVER_HTTP = Math.max(1, IN_PROCESS / 10);
    private static final int COUNT_CHECK_EVERY = 500;
    private static final int FAILURES_SHOWN = 20;
    private static final java.util.concurrent.atomic.AtomicInteger RETRIES = new java.util.concurrent.atomic.AtomicInteger();

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRES"})
    void malformedRequestsToEveryEndpointGetA4xxInBetterAuthsShapeAndChangeNothing(TestDatabase database) throws Exception {
        long seed = Long.getLong("postern.fuzz.seed", new Random().nextLong());
        System.out.println("EndpointFuzzTest on " + database + ": seed " + seed + " (rerun with -Dpostern.fuzz.seed=" + seed + ")");
        try (TestPostern auth = TestPostern.builder().database(database)
                .plugins(new SessionPlugin(), new EmailPasswordPlugin(), new UserPlugin(UserOptions.defaults()
                        .withChangeEmail(UserOptions.ChangeEmailOptions.on())
                        .withDeleteUser(UserOptions.DeleteUserOptions.on())))
                .start()) {
            TestClient signedIn = auth.client();
            Users.signUp(signedIn, "fuzz@example.com");
            String cookie = "better-auth.session_token=" + signedIn.cookie("better-auth.session_token");
            List<Endpoint> endpoints = auth.postern().endpoints().stream()
                    .filter(e -> !e.metadata().serverOnly()).toList();
            Random random = new Random(seed);
            Findings findings = new Findings();
            RowCounts before = RowCounts.of(auth.postern());

            MalformedRequests inProcess = new MalformedRequests(random, auth.postern().config().basePath(), cookie,
                    auth.postern().config().origin(), auth.postern().config().maxBodyBytes(), false);
            run(auth, endpoints, inProcess, IN_PROCESS, random, findings, before, c -> answerInProcess(auth, c));
            MalformedRequests http = new MalformedRequests(random, auth.postern().config().basePath(), cookie,
                    auth.postern().config().origin(), auth.postern().config().maxBodyBytes(), true);
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            run(auth, endpoints, http, OVER_HTTP, random, findings, before, c -> answerOverHttp(auth, client, c));

            System.out.println("EndpointFuzzTest on " + database + ": " + findings.sent + " requests (" + OVER_HTTP
                    + " over HTTP) to " + findings.endpoints.size() + " endpoints " + findings.endpoints.keySet()
                    + "; statuses " + findings.statuses + "; 5xx: " + findings.serverErrors
                    + "; defects " + findings.defects + "; HTTP requests retried on a closed connection: " + RETRIES.getAndSet(0));
            assertThat(findings.endpoints).hasSize(endpoints.size());
            assertThat(findings.failures).as("failures (seed " + seed + ")").isEmpty();
            assertThat(RowCounts.of(auth.postern())).isEqualTo(before);
        }
    }

    private static void run(TestPostern auth, List<Endpoint> endpoints, MalformedRequests generator, int requests,
                            Random random, Findings findings, RowCounts before,
                            Function<MalformedRequests.Case, Answer> send) {
        for (int i = 0; i < requests; i++) {
            // Every endpoint in turn first, so each is hit whatever the request count; then at random.
            Endpoint endpoint = endpoints.get(i < endpoints.size() ? i : random.nextInt(endpoints.size()));
            MalformedRequests.Case request = generator.next(endpoint);
            Answer answer = send.apply(request);
            findings.record(request, answer);
            if ((findings.sent % COUNT_CHECK_EVERY == 0) && !RowCounts.of(auth.postern()).equals(before)) {
                findings.fail(request, answer, "row counts changed within the last " + COUNT_CHECK_EVERY
                        + " requests: " + RowCounts.of(auth.postern()) + ", were " + before);
                before = RowCounts.of(auth.postern());
            }
        }
    }

    private static Answer answerInProcess(TestPostern auth, MalformedRequests.Case c) {
        AuthResponse response = auth.postern().handle(c.request());
        return new Answer(response.status(), response.bodyText(), "in process");
    }

    private static Answer answerOverHttp(TestPostern auth, HttpClient client, MalformedRequests.Case c) {
        AuthRequest request = c.request();
        String query = request.query().isEmpty() ? "" : "?" + rawQuery(request);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(auth.origin() + request.path() + query))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().asMap().forEach((name, values) -> values.forEach(v -> http.header(name, v)));
        try {
            try {
                return send(client, http);
            } catch (java.io.IOException closed) {
                // After a 413 Jetty closes the connection without reading the rest of the body; the client
                // may already have picked that connection for the next request. A second try gets a new one,
                // so a server that really drops requests still fails here.
                RETRIES.incrementAndGet();
                return send(client, http);
            }
        } catch (java.io.IOException e) {
            return new Answer(-1, e.toString(), "over HTTP");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer send(HttpClient client, HttpRequest.Builder http) throws java.io.IOException, InterruptedException {
        HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), "over HTTP");
    }

    private static String rawQuery(AuthRequest request) {
        StringBuilder out = new StringBuilder();
        request.query().forEach((name, values) -> values.forEach(v -> out.append(out.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))));
        return out.toString();
    }

    private record Answer(int status, String body, String via) {
    }

    /** What came back, and every broken rule with the request that broke it. */
    private static final class Findings {
        int sent;
        int serverErrors;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final Map<String, Integer> endpoints = new TreeMap<>();
        final Map<MalformedRequests.Defect, Integer> defects = new TreeMap<>();
        final List<String> failures = new ArrayList<>();

        void record(MalformedRequests.Case c, Answer answer) {
            sent++;
            statuses.merge(answer.status(), 1, Integer::sum);
            endpoints.merge(String.join(",", c.endpoint().methods()) + " " + c.endpoint().path(), 1, Integer::sum);
            defects.merge(c.defect(), 1, Integer::sum);
            if (answer.status() >= 500 || answer.status() < 0) {
                serverErrors++;
                fail(c, answer, "server error");
            } else if (c.mustFail() && answer.status() < 400) {
                fail(c, answer, "a malformed request succeeded");
            } else if (answer.status() >= 400) {
                String problem = shapeProblem(answer);
                if (problem != null) {
                    fail(c, answer, problem);
                }
            }
        }

        void fail(MalformedRequests.Case c, Answer answer, String rule) {
            if (failures.size() < FAILURES_SHOWN) {
                AuthRequest r = c.request();
                String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
                failures.add(rule + ": " + c.description() + " " + answer.via() + " -> " + answer.status() + " "
                        + abbreviate(answer.body()) + "\n    request: " + r.method() + " " + r.path() + " " + r.query()
                        + " headers " + r.headers().asMap() + " body " + abbreviate(body));
            }
        }

        /** Null when the body is better-auth's error shape; an empty body only on the bare 404. */
        private static String shapeProblem(Answer answer) {
            if (answer.body().isEmpty()) {
                return answer.status() == 404 ? null : "empty error body";
            }
            JsonNode json;
            try {
                json = Json.parse(answer.body());
            } catch (RuntimeException e) {
                return "error body is not JSON";
            }
            if (!json.isObject() || !json.path("message").isString()) {
                return "error body without a message";
            }
            if (json.has("code") && !json.get("code").isString()) {
                return "error code is not a string";
            }
            return null;
        }

        private static String abbreviate(String text) {
            return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + " chars)";
        }
    }
}
