package dev.postern.api;

import java.time.Instant;
import java.util.List;

/** A linked sign-in method of a user, as {@code listUserAccounts} returns it (no tokens, no password). */
public record ApiAccount(String id, String providerId, String accountId, String userId, List<String> scopes,
                         Instant createdAt, Instant updatedAt) {
}
