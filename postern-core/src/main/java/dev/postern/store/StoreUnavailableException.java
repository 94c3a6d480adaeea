package dev.postern.store;

/** The database could not be reached or timed out; the request may succeed when retried. */
public class StoreUnavailableException extends StoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
