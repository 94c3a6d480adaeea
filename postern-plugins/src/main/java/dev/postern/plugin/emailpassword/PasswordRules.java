package dev.postern.plugin.emailpassword;

import dev.postern.http.Status;

/**
 * The length limits on passwords, checked wherever a password is set or typed: too short is 400
 * {@code PASSWORD_TOO_SHORT}, too long 400 {@code PASSWORD_TOO_LONG}. Lengths are counted in UTF-16 code
 * units, as JavaScript's {@code string.length} (and Java's {@code String.length()}) count them, so a
 * password is accepted or refused exactly as better-auth would.
 *
 * @param minLength shortest accepted length
 * @param maxLength longest accepted length; also bounds the work an attacker can make a hash do
 */
public record PasswordRules(int minLength, int maxLength) {

    /** Checks a new password against both limits. */
    public void requireAcceptable(String password) {
        if (password.length() < minLength) {
            throw EmailPasswordErrorCodes.PASSWORD_TOO_SHORT.toException(Status.BAD_REQUEST);
        }
        requireNotTooLong(password);
    }

    /** Checks a typed (existing) password: only the upper limit applies. */
    public void requireNotTooLong(String password) {
        if (password.length() > maxLength) {
            throw EmailPasswordErrorCodes.PASSWORD_TOO_LONG.toException(Status.BAD_REQUEST);
        }
    }
}
