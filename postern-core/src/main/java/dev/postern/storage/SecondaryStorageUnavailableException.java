package dev.postern.storage;

/**
 * The secondary storage (Redis, say) could not be reached or did not answer in time. The request may
 * succeed when retried: implementations reconnect on their own. The HTTP pipeline answers it with
 * {@code 503 SECONDARY_STORAGE_UNAVAILABLE}, so an outage is a clear, retryable error rather than a 500.
 */
public class SecondaryStorageUnavailableException extends RuntimeException {
    public SecondaryStorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
