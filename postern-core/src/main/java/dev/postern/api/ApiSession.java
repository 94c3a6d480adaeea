package dev.postern.api;

import java.time.Instant;

/** A session as endpoints return it (better-auth's core session fields). */
public record ApiSession(String id, String token, String userId, Instant expiresAt, Instant createdAt,
                         Instant updatedAt, String ipAddress, String userAgent) {
}
