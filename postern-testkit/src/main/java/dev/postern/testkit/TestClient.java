package dev.postern.testkit;

import dev.postern.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP client for tests that behaves like a browser talking to Postern: it keeps cookies from
 * {@code Set-Cookie} (honouring {@code Max-Age=0} deletions), sends them back, and sends the server's
 * origin as {@code Origin} on every request unless told otherwise. Redirects are not followed, so tests
 * can assert on them.
 */
public final class TestClient {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String authUrl;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String origin;

    TestClient(String authUrl, String origin) {
        this.authUrl = authUrl;
        this.origin = origin;
    }

    /**
     * A client of any running Postern (a standalone server, several nodes): requests go to {@code authUrl}
     * ({@code http://127.0.0.1:3000/api/auth}) with {@code origin} as their {@code Origin} header.
     */
    public static TestClient of(String authUrl, String origin) {
        return new TestClient(authUrl, origin);
    }

    /** Sends requests with this {@code Origin} header, or none when null. */
    public TestClient origin(String newOrigin) {
        this.origin = newOrigin;
        return this;
    }

    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public TestClient cookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    public TestResponse get(String path) {
        return send(builder(path).GET());
    }

    public TestResponse postJson(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    /** Posts a raw body with the given content type (forms, malformed JSON, wrong media types). */
    public TestResponse post(String path, String contentType, String body) {
        HttpRequest.Builder b = builder(path).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    /** Sends a request built by the test, after adding cookies and origin. */
    public TestResponse send(HttpRequest.Builder request) {
        if (origin != null) {
            request.setHeader("Origin", origin);
        }
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
            request.setHeader("Cookie", header.toString());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            remember(response.headers().allValues("set-cookie"));
            return new TestResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request to " + authUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A request builder for a path under the base path ({@code /sign-in/email}) or an absolute URL. */
    public HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : authUrl + path));
    }

    private void remember(List<String> setCookies) {
        for (String header : setCookies) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            boolean expired = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
                if (attribute.equals("max-age=0") || attribute.startsWith("max-age=-")) {
                    expired = true;
                }
            }
            if (expired || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}
