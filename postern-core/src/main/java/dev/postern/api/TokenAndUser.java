package dev.postern.api;

/**
 * A sign-in's answer in better-auth's {@code {token, user}} shape (anonymous, e-mail OTP, phone number,
 * two-factor verification, one tap): the new session's token (null when no session was made) and its user.
 */
public record TokenAndUser(String token, ApiUser user) {
}
