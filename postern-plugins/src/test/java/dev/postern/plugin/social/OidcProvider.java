package dev.postern.plugin.social;

import dev.postern.testkit.FreePort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The certified OpenID provider {@code oidc-provider} (npm), started from {@code compat/lib/oidc-provider.mjs}
 * in a {@code node} process on a free loopback port, and a browser that completes its login and consent
 * screens over HTTP. A test class registers one,
 * {@code @RegisterExtension static final OidcProvider oidc = new OidcProvider();}, to have it started before
 * its tests and stopped (the process killed) after them.
 */
final class OidcProvider implements BeforeAllCallback, AfterAllCallback {
    static final String CLIENT_ID = "postern-test-client";
    static final String CLIENT_SECRET = "postern-test-client-secret-0123456789";
    private static final Pattern PROMPT = Pattern.compile("name=\"prompt\" value=\"(\\w+)\"");

    private Process process;
    private String issuer;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (process != null) {
            close();
        }
    }

    private void start() {
        Path script = locate();
        int port = FreePort.find();
        try {
            Process process = new ProcessBuilder("node", script.toString(), String.valueOf(port))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            });
            String ready;
            try {
                ready = line.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("oidc-provider did not start within 30 s", e);
            }
            if (ready == null || !ready.contains("issuer")) {
                process.destroyForcibly();
                throw new IllegalStateException("oidc-provider did not start: " + ready);
            }
            this.process = process;
            this.issuer = "http://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node: " + e.getMessage(), e);
        }
    }

    private static Path locate() {
        // A copy elsewhere (beside its own node_modules) can be named when the compat install is unavailable.
        String override = System.getProperty("postern.oidcProviderScript");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve("compat/lib/oidc-provider.mjs");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("compat/lib/oidc-provider.mjs not found above " + Path.of("").toAbsolutePath());
    }

    String issuer() {
        return issuer;
    }

    String discoveryUrl() {
        return issuer + "/.well-known/openid-configuration";
    }

    /**
     * A browser session at the provider: opens {@code authorizationUrl}, signs in as {@code login} and
     * consents, and returns the URL the provider finally redirects to (Postern's callback with the code).
     */
    URI authorize(String authorizationUrl, String login) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        URI next = URI.create(authorizationUrl);
        for (int hop = 0; hop < 12; hop++) {
            if (!next.toString().startsWith(issuer)) {
                return next;
            }
            HttpResponse<String> page = send(browser, HttpRequest.newBuilder(next).GET());
            String location = page.headers().firstValue("location").orElse(null);
            if (location != null) {
                next = next.resolve(location);
                continue;
            }
            Matcher prompt = PROMPT.matcher(page.body());
            if (page.statusCode() != 200 || !prompt.find()) {
                throw new IllegalStateException("oidc-provider answered " + page.statusCode() + ": " + page.body());
            }
            String form = "login".equals(prompt.group(1)) ? "prompt=login&login=" + login + "&password=any" : "prompt=consent";
            HttpResponse<String> submitted = send(browser, HttpRequest.newBuilder(next)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            next = next.resolve(submitted.headers().firstValue("location")
                    .orElseThrow(() -> new IllegalStateException("no redirect after " + form + ": " + submitted.body())));
        }
        throw new IllegalStateException("oidc-provider redirected too often");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
