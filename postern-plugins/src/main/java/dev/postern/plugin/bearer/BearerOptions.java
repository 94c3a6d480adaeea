package dev.postern.plugin.bearer;

/**
 * Options of the {@code bearer} plugin, as better-auth's {@code bearer({ requireSignature })} takes them.
 *
 * @param requireSignature accept only signed tokens ({@code token.signature}, as {@code set-auth-token}
 *     hands them out); when false (the default) a bare session token is accepted too, which is what
 *     {@code list-sessions} and server-side callers have
 */
public record BearerOptions(boolean requireSignature) {

    public static BearerOptions defaults() {
        return new BearerOptions(false);
    }
}
