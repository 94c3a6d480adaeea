package dev.postern.server.cli;

/**
 * A command could not do what it was asked, for a reason the user can act on (no such user, database
 * unreachable). The CLI prints the message alone and exits with status 1.
 */
public final class CommandFailure extends RuntimeException {
    public static final int EXIT_CODE = 1;

    public CommandFailure(String message) {
        super(message, null, false, false);
    }
}
