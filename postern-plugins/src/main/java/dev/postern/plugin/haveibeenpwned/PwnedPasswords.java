package dev.postern.plugin.haveibeenpwned;

import dev.postern.error.ApiException;
import dev.postern.http.Status;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Have I Been Pwned's Pwned Passwords range API with k-anonymity: only the first five hex digits of the
 * password's SHA-1 leave the server ({@code GET <rangeApiUrl>/<prefix>}, {@code Add-Padding: true} so the
 * answer's size does not reveal the prefix either), and the suffix is looked up locally in the answer's
 * {@code SUFFIX:COUNT} lines. Failures are better-auth's: a 500 whose message says the password could not be
 * checked, so a sign-up never proceeds unchecked.
 */
public final class PwnedPasswords {
    /** The public API; configurable for a mirror or a test double. */
    public static final URI DEFAULT_RANGE_API_URL = URI.create("https://api.pwnedpasswords.com/range");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String rangeApiUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public PwnedPasswords(URI rangeApiUrl) {
        this.rangeApiUrl = rangeApiUrl.toString().replaceAll("/+$", "");
    }

    /** Whether {@code password} appears in the corpus at least once. */
    public boolean isCompromised(String password) {
        String sha1 = sha1Hex(password);
        String prefix = sha1.substring(0, 5);
        String suffix = sha1.substring(5);
        HttpRequest request = HttpRequest.newBuilder(URI.create(rangeApiUrl + "/" + prefix))
                .timeout(TIMEOUT)
                .header("Add-Padding", "true")
                .header("User-Agent", "Postern Password Checker")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw tryLater();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw tryLater();
        }
        if (response.statusCode() / 100 != 2) {
            throw ApiException.message(Status.INTERNAL_SERVER_ERROR,
                    "Failed to check password. Status: " + response.statusCode());
        }
        return count(response.body(), suffix) > 0;
    }

    /** The count on the line for {@code suffix}; padding lines carry 0. A malformed count is an error. */
    static long count(String body, String suffix) {
        String wanted = suffix.toUpperCase(Locale.ROOT) + ":";
        for (String line : body.split("\r?\n")) {
            if (line.length() < wanted.length() || !line.substring(0, wanted.length()).toUpperCase(Locale.ROOT).equals(wanted)) {
                continue;
            }
            String count = line.substring(wanted.length());
            if (!count.matches("0|[1-9][0-9]{0,15}")) {
                throw tryLater();
            }
            return Long.parseLong(count);
        }
        return 0;
    }

    static String sha1Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is always available", e);
        }
    }

    private static ApiException tryLater() {
        return ApiException.message(Status.INTERNAL_SERVER_ERROR, "Failed to check password. Please try again later.");
    }
}
