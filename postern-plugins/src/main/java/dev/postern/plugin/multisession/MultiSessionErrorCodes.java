package dev.postern.plugin.multisession;

import dev.postern.error.ErrorCode;

/** Error codes of the {@code multi-session} plugin, with better-auth's messages. */
public final class MultiSessionErrorCodes {
    public static final ErrorCode INVALID_SESSION_TOKEN = ErrorCode.of("INVALID_SESSION_TOKEN", "Invalid session token");

    private MultiSessionErrorCodes() {
    }
}
