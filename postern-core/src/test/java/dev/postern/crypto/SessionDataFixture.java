package dev.postern.crypto;

import dev.postern.json.Json;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** better-auth-shaped cookie-cache session data ({@code {session, user, updatedAt, version}}) for tests. */
final class SessionDataFixture {
    private SessionDataFixture() {
    }

    static ObjectNode sessionData(Instant now, String userName) {
        ObjectNode data = Json.object();
        ObjectNode session = data.putObject("session");
        session.put("expiresAt", JsDates.toIsoString(now.plusSeconds(7 * 24 * 3600)));
        session.put("token", "bofFpMgPjXwV8bvGXh1haRXiHuSbSu2C");
        session.put("createdAt", JsDates.toIsoString(now));
        session.put("updatedAt", JsDates.toIsoString(now));
        session.put("ipAddress", "");
        session.put("userAgent", "");
        session.put("userId", "ZQ5amiKZbXaOQJSluG0leGbNraI1Te6n");
        session.put("id", "0etvBouBYYEI61PEMN4PT0pitGvPiwYd");
        ObjectNode user = data.putObject("user");
        user.put("name", userName);
        user.put("email", "a@example.com");
        user.put("emailVerified", false);
        user.putNull("image");
        user.put("createdAt", JsDates.toIsoString(now));
        user.put("updatedAt", JsDates.toIsoString(now));
        user.put("id", "ZQ5amiKZbXaOQJSluG0leGbNraI1Te6n");
        data.put("updatedAt", now.toEpochMilli());
        data.put("version", "1");
        return data;
    }
}
