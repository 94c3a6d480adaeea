package dev.postern.plugin.phonenumber;

import dev.postern.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Sends through Twilio's Programmable Messaging REST API: {@code POST
 * <baseUrl>/2010-04-01/Accounts/<accountSid>/Messages.json} with HTTP basic auth (account SID, auth token)
 * and a form body {@code To, From, Body}. Twilio answers 201 on acceptance and a JSON error
 * ({@code {"code":21211,"message":...,"status":400}}) otherwise; the error codes that mean "this number
 * cannot receive" become {@link SmsDeliveryException#recipientRejected()}. The auth token never appears
 * in a log or an exception message.
 */
public final class TwilioSmsSender implements SmsSender {
    /** Twilio's API host; configurable so tests (and regional or proxy endpoints) can stand in. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.twilio.com");
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsSender.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /**
     * Twilio errors about the recipient: invalid number (21211), not SMS-capable (21614), unroutable or
     * unreachable (21612), region not enabled (21408), recipient unsubscribed (21610).
     */
    private static final Set<Integer> RECIPIENT_ERRORS = Set.of(21211, 21614, 21612, 21408, 21610);

    private final URI messagesUrl;
    private final String authorization;
    private final String from;
    private final HttpClient http;

    public TwilioSmsSender(URI baseUrl, String accountSid, String authToken, String from) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        requireText(accountSid, "accountSid");
        requireText(authToken, "authToken");
        requireText(from, "from");
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.messagesUrl = URI.create(base + "/2010-04-01/Accounts/"
                + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.from = from;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public void send(String phoneNumber, String text) {
        String form = "To=" + encode(phoneNumber) + "&From=" + encode(from) + "&Body=" + encode(text);
        HttpRequest request = HttpRequest.newBuilder(messagesUrl)
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new SmsDeliveryException("Twilio could not be reached: " + unreachable.getClass().getSimpleName(), false,
                    unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException("Interrupted while sending through Twilio", false, interrupted);
        }
        if (response.statusCode() / 100 == 2) {
            return;
        }
        int code = twilioErrorCode(response.body());
        String message = "Twilio answered " + response.statusCode() + (code > 0 ? " with error " + code : "");
        LOG.warn("{}: {}", message, twilioErrorMessage(response.body()));
        throw new SmsDeliveryException(message, response.statusCode() / 100 == 4 && RECIPIENT_ERRORS.contains(code));
    }

    private static int twilioErrorCode(String body) {
        JsonNode json = parse(body);
        return json != null && json.path("code").isNumber() ? json.path("code").asInt() : 0;
    }

    private static String twilioErrorMessage(String body) {
        JsonNode json = parse(body);
        return json != null && json.path("message").isString() ? json.path("message").asString() : "(no message)";
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.parse(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("twilio: " + name + " is required");
        }
    }
}
