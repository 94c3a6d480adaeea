package dev.postern.plugin.multisession;

/**
 * Options of the {@code multi-session} plugin, as better-auth's {@code multiSession({ maximumSessions })}.
 *
 * @param maximumSessions how many accounts one device may hold signed in at once (5)
 */
public record MultiSessionOptions(int maximumSessions) {

    public MultiSessionOptions {
        if (maximumSessions < 1) {
            throw new IllegalArgumentException("maximumSessions must be at least 1, was " + maximumSessions);
        }
    }

    public static MultiSessionOptions defaults() {
        return new MultiSessionOptions(5);
    }
}
