package dev.postern.plugin.phonenumber;

import com.sun.net.httpserver.HttpServer;
import dev.postern.plugin.support.UrlEncodedForm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays Twilio's Messages API on a local port: checks the path and basic auth as Twilio would, records
 * each accepted message, and answers with a Twilio-shaped error when told to.
 */
final class FakeTwilio implements AutoCloseable {
    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "twilio-auth-token-secret";
    static final String FROM = "+15005550006";
    private static final Pattern CODE = Pattern.compile("(\\d{4,})");

    /** One message Twilio accepted. */
    record Message(String to, String from, String body) {
        String code() {
            Matcher m = CODE.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no code in " + body);
            }
            return m.group(1);
        }
    }

    private final HttpServer server;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private volatile int failStatus;
    private volatile String failBody;

    private FakeTwilio() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/2010-04-01/Accounts/", exchange -> {
            byte[] answer;
            int status;
            String expectedAuth = "Basic " + Base64.getEncoder()
                    .encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!exchange.getRequestURI().getPath().equals("/2010-04-01/Accounts/" + SID + "/Messages.json")
                    || !"POST".equals(exchange.getRequestMethod())) {
                status = 404;
                answer = "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}".getBytes();
            } else if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                answer = "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}".getBytes();
            } else if (failStatus != 0) {
                status = failStatus;
                answer = failBody.getBytes(StandardCharsets.UTF_8);
            } else {
                Map<String, String> form = UrlEncodedForm.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                messages.add(new Message(form.get("To"), form.get("From"), form.get("Body")));
                status = 201;
                answer = ("{\"sid\":\"SM" + "0".repeat(32) + "\",\"status\":\"queued\"}").getBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    static FakeTwilio start() {
        try {
            return new FakeTwilio();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    TwilioSmsSender sender() {
        return new TwilioSmsSender(baseUrl(), SID, TOKEN, FROM);
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    Message last() {
        if (messages.isEmpty()) {
            throw new AssertionError("Twilio received no message");
        }
        return messages.get(messages.size() - 1);
    }

    /** From now on every message is refused with this status and Twilio error JSON. */
    void failWith(int status, String body) {
        failBody = body;
        failStatus = status;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
