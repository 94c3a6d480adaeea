package dev.postern.api;

/** better-auth's {@code {status: true}} answer, with a {@code message} where the endpoint gives one. */
public record StatusResponse(boolean status, String message) {
}
