package dev.postern.plugin.apikey;

import dev.postern.error.ApiException;
import dev.postern.http.Status;

/** 429 {@code RATE_LIMITED} for a key past its per-key limit, with better-auth's {@code tryAgainIn} (ms). */
final class RateLimitedException extends ApiException {
    private final long tryAgainInMillis;

    RateLimitedException(long tryAgainInMillis) {
        super(Status.TOO_MANY_REQUESTS, ApiKeyErrorCodes.RATE_LIMITED.code(), ApiKeyErrorCodes.RATE_LIMITED.message());
        this.tryAgainInMillis = tryAgainInMillis;
    }

    long tryAgainInMillis() {
        return tryAgainInMillis;
    }
}
