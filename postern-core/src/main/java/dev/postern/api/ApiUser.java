package dev.postern.api;

import java.time.Instant;

/** A user as endpoints return it (better-auth's core user fields); {@link ApiResponse#json()} has the rest. */
public record ApiUser(String id, String name, String email, boolean emailVerified, String image,
                      Instant createdAt, Instant updatedAt) {
}
