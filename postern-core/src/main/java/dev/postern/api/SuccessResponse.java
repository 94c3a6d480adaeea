package dev.postern.api;

/** better-auth's {@code {success: true}} answer (sign-out, user deletion), with its {@code message} if any. */
public record SuccessResponse(boolean success, String message) {
}
