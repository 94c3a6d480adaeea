package dev.postern.jdbc.migration;

/** A migration could not read the database or apply a statement; the message names which. */
public final class MigrationException extends RuntimeException {

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
