package dev.postern.server.config;

/**
 * Configuration the server cannot start with. The message is one line that names the setting and says
 * how to fix it ({@code POSTERN_PORT: expected a port number 1-65535, got "abc"}); the CLI prints it
 * alone, without a stack trace, and exits with status 2.
 */
public final class ConfigException extends RuntimeException {
    public static final int EXIT_CODE = 2;

    public ConfigException(String message) {
        super(message, null, false, false);
    }

    /** A message for one setting: {@code <key>: <problem>}. */
    public static ConfigException of(String key, String problem) {
        return new ConfigException(key + ": " + problem);
    }
}
