package dev.postern.plugin.session;

import dev.postern.Postern;
import dev.postern.schema.CoreSchema;
import dev.postern.schema.Output;
import dev.postern.session.Session;
import dev.postern.store.Row;
import java.util.LinkedHashMap;
import java.util.Map;

/** Response bodies made of sessions, with every {@code returned:false} field left out; other plugins answer {@code {session, user}} with it too. */
public final class SessionResponses {
    private SessionResponses() {
    }

    /** {@code {session, user}}, the body of {@code get-session}. */
    public static Map<String, Object> sessionAndUser(Postern postern, Session session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", session(postern, session.session()));
        body.put("user", Output.of(postern.schema(), CoreSchema.USER, session.user()));
        return body;
    }

    static Map<String, Object> session(Postern postern, Row session) {
        return Output.of(postern.schema(), CoreSchema.SESSION, session);
    }

    static Map<String, Object> status() {
        return Map.of("status", true);
    }
}
