package dev.postern.store;

/** A write was refused because it would duplicate a value of a unique field (an e-mail, a token). */
public class UniqueViolationException extends StoreException {
    private final String model;

    public UniqueViolationException(String model, String message, Throwable cause) {
        super(message, cause);
        this.model = model;
    }

    public String model() {
        return model;
    }
}
