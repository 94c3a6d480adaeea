package dev.postern.server.cli;

/** Turns an exception into the one line a user reads: its message, plus the root cause's when that says more. */
public final class Failures {
    private Failures() {
    }

    /**
     * {@code Connection is not available, request timed out after 10003ms (caused by: Connection to
     * 127.0.0.1:5432 refused)}: pools and wrappers hide the reason a user can act on at the bottom of the chain.
     */
    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = root.getMessage();
        if (root != e && rootMessage != null && !message.contains(rootMessage)) {
            return message + " (caused by: " + firstLine(rootMessage) + ")";
        }
        return message;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
