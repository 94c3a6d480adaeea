package dev.postern.bench;

import dev.postern.crypto.JsDates;
import dev.postern.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** A session and its user as better-auth shapes them, for benchmarks that need one without a database. */
final class SessionFixture {
    static final String TOKEN = "bofFpMgPjXwV8bvGXh1haRXiHuSbSu2C";
    static final String USER_ID = "ZQ5amiKZbXaOQJSluG0leGbNraI1Te6n";
    static final String SESSION_ID = "0etvBouBYYEI61PEMN4PT0pitGvPiwYd";

    private SessionFixture() {
    }

    /** The cookie cache's {@code {session, user, updatedAt, version}}, dates as ISO strings. */
    static ObjectNode cookieCacheData(Instant now) {
        ObjectNode data = Json.object();
        ObjectNode session = data.putObject("session");
        session.put("expiresAt", JsDates.toIsoString(now.plusSeconds(7 * 24 * 3600)));
        session.put("token", TOKEN);
        session.put("createdAt", JsDates.toIsoString(now));
        session.put("updatedAt", JsDates.toIsoString(now));
        session.put("ipAddress", "203.0.113.7");
        session.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36");
        session.put("userId", USER_ID);
        session.put("id", SESSION_ID);
        ObjectNode user = data.putObject("user");
        user.put("name", "Bench User");
        user.put("email", "bench@example.com");
        user.put("emailVerified", true);
        user.putNull("image");
        user.put("createdAt", JsDates.toIsoString(now));
        user.put("updatedAt", JsDates.toIsoString(now));
        user.put("id", USER_ID);
        data.put("updatedAt", now.toEpochMilli());
        data.put("version", "1");
        return data;
    }

    /** The body of {@code get-session} as its handler returns it: maps of Java values, dates as {@link Instant}. */
    static Map<String, Object> getSessionBody(Instant now) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", SESSION_ID);
        session.put("expiresAt", now.plusSeconds(7 * 24 * 3600));
        session.put("token", TOKEN);
        session.put("createdAt", now);
        session.put("updatedAt", now);
        session.put("ipAddress", "203.0.113.7");
        session.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36");
        session.put("userId", USER_ID);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", USER_ID);
        user.put("name", "Bench User");
        user.put("email", "bench@example.com");
        user.put("emailVerified", true);
        user.put("image", null);
        user.put("createdAt", now);
        user.put("updatedAt", now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", session);
        body.put("user", user);
        return body;
    }
}
