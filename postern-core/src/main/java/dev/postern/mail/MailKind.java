package dev.postern.mail;

/** The e-mails Postern sends itself; each has a default template that applications may override. */
public enum MailKind {
    /** Confirms an address after sign-up; variables: {@code url}, {@code name}, {@code email}. */
    VERIFY_EMAIL,
    /** Resets a forgotten password; variables: {@code url}, {@code name}, {@code email}. */
    RESET_PASSWORD,
    /** Confirms a change of address (sent to the current address); variables: {@code url}, {@code name}, {@code newEmail}. */
    CHANGE_EMAIL,
    /** Confirms deleting an account; variables: {@code url}, {@code name}, {@code email}. */
    DELETE_ACCOUNT,
    /** Signs in with a one-time link (magic-link plugin); variables: {@code url}, {@code email}. */
    MAGIC_LINK,
    /**
     * A one-time code (email-otp plugin); variables: {@code otp}, {@code email} and {@code type}
     * ({@code sign-in}, {@code email-verification}, {@code forget-password} or {@code change-email}).
     */
    EMAIL_OTP,
    /** A one-time code for two-factor sign-in; variables: {@code otp}, {@code name}, {@code email}. */
    TWO_FACTOR_OTP,
    /**
     * Invites someone to join an organization (organization plugin); variables: {@code url} (the app's
     * accept page), {@code email}, {@code organizationName}, {@code inviterName}, {@code inviterEmail},
     * {@code role} and {@code invitationId}.
     */
    ORGANIZATION_INVITATION
}
