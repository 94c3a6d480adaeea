package dev.postern.plugin.social;

/** A provider request that failed: a network error, a non-2xx answer, an answer that is not what OAuth says. */
public final class OAuthException extends RuntimeException {
    public OAuthException(String message) {
        super(message);
    }
}
