package dev.postern.store;

/** A database operation failed; the cause carries the driver's detail for logs, never for clients. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
