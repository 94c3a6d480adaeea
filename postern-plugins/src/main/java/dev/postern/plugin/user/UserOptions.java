package dev.postern.plugin.user;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link UserPlugin}, better-auth's {@code user} and {@code account} options. Changing the
 * address and deleting the account are off unless enabled, as in better-auth:
 * <pre>{@code
 * UserOptions.defaults()
 *         .withChangeEmail(ChangeEmailOptions.on())
 *         .withDeleteUser(DeleteUserOptions.on().withVerificationEmail(true))
 * }</pre>
 *
 * @param changeEmail {@code POST /change-email}
 * @param deleteUser {@code POST /delete-user} and its e-mailed confirmation
 * @param allowUnlinkingAll let {@code /unlink-account} remove a user's last account
 */
public record UserOptions(ChangeEmailOptions changeEmail, DeleteUserOptions deleteUser, boolean allowUnlinkingAll) {

    public UserOptions {
        Objects.requireNonNull(changeEmail, "changeEmail");
        Objects.requireNonNull(deleteUser, "deleteUser");
    }

    public static UserOptions defaults() {
        return new UserOptions(ChangeEmailOptions.off(), DeleteUserOptions.off(), false);
    }

    public UserOptions withChangeEmail(ChangeEmailOptions value) {
        return new UserOptions(value, deleteUser, allowUnlinkingAll);
    }

    public UserOptions withDeleteUser(DeleteUserOptions value) {
        return new UserOptions(changeEmail, value, allowUnlinkingAll);
    }

    public UserOptions withAllowUnlinkingAll(boolean value) {
        return new UserOptions(changeEmail, deleteUser, value);
    }

    /**
     * How a signed-in user changes their address.
     *
     * @param enabled whether {@code /change-email} works (400 {@code CHANGE_EMAIL_DISABLED} otherwise)
     * @param updateEmailWithoutVerification a user whose address is not verified yet changes it at once
     * @param confirmWithCurrentAddress a verified user must first approve the change from the current address
     *     ({@link dev.postern.mail.MailKind#CHANGE_EMAIL}); the new address is verified after that. On by default
     *     in Postern, so a stolen session alone cannot move an account to another address.
     */
    public record ChangeEmailOptions(boolean enabled, boolean updateEmailWithoutVerification,
                                     boolean confirmWithCurrentAddress) {
        public static ChangeEmailOptions off() {
            return new ChangeEmailOptions(false, false, true);
        }

        public static ChangeEmailOptions on() {
            return new ChangeEmailOptions(true, false, true);
        }

        public ChangeEmailOptions withUpdateEmailWithoutVerification(boolean value) {
            return new ChangeEmailOptions(enabled, value, confirmWithCurrentAddress);
        }

        public ChangeEmailOptions withConfirmWithCurrentAddress(boolean value) {
            return new ChangeEmailOptions(enabled, updateEmailWithoutVerification, value);
        }
    }

    /**
     * How a signed-in user deletes their account.
     *
     * @param enabled whether {@code /delete-user} exists (a bare 404 otherwise)
     * @param verificationEmail mail a confirmation link ({@link dev.postern.mail.MailKind#DELETE_ACCOUNT}) instead of
     *     deleting at once
     * @param tokenExpiresIn lifetime of that link (1 day)
     */
    public record DeleteUserOptions(boolean enabled, boolean verificationEmail, Duration tokenExpiresIn) {
        public DeleteUserOptions {
            Objects.requireNonNull(tokenExpiresIn, "tokenExpiresIn");
            if (tokenExpiresIn.isNegative() || tokenExpiresIn.isZero()) {
                throw new IllegalArgumentException("deleteUser.tokenExpiresIn: must be positive, was " + tokenExpiresIn);
            }
        }

        public static DeleteUserOptions off() {
            return new DeleteUserOptions(false, false, Duration.ofDays(1));
        }

        public static DeleteUserOptions on() {
            return new DeleteUserOptions(true, false, Duration.ofDays(1));
        }

        public DeleteUserOptions withVerificationEmail(boolean value) {
            return new DeleteUserOptions(enabled, value, tokenExpiresIn);
        }

        public DeleteUserOptions withTokenExpiresIn(Duration value) {
            return new DeleteUserOptions(enabled, verificationEmail, value);
        }
    }
}
