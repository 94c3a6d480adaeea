package dev.postern.error;

import dev.postern.http.Status;
import java.util.Objects;

/**
 * A machine-readable error: a stable code ({@code USER_ALREADY_EXISTS}) and the human message
 * better-auth sends with it. Plugins declare theirs as constants; endpoints throw them with a status.
 */
public record ErrorCode(String code, String message) {

    public ErrorCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static ErrorCode of(String code, String message) {
        return new ErrorCode(code, message);
    }

    /** An exception carrying this code, to be answered with {@code status}. */
    public ApiException toException(Status status) {
        return new ApiException(status, code, message);
    }

    /** The same code with a message made at run time, e.g. {@code "email is required"}. */
    public ApiException toException(Status status, String runtimeMessage) {
        return new ApiException(status, code, runtimeMessage);
    }
}
