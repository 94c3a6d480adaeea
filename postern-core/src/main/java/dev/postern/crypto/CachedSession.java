package dev.postern.crypto;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * A decoded {@code session_data} cookie: the session data better-auth cached
 * ({@code {session, user, updatedAt, version}}, dates as canonical ISO strings) and when the cache entry
 * itself expires (the compact {@code expiresAt}, or the JWT's {@code exp}).
 */
public record CachedSession(ObjectNode sessionData, Instant expiresAt) {
    public CachedSession {
        Objects.requireNonNull(sessionData, "sessionData");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
