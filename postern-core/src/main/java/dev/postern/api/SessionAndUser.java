package dev.postern.api;

/** {@code getSession}'s answer for a signed-in request. */
public record SessionAndUser(ApiSession session, ApiUser user) {
}
