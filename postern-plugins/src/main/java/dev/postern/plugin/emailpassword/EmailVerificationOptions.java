package dev.postern.plugin.emailpassword;

import java.time.Duration;
import java.util.Objects;

/**
 * How e-mail addresses get verified (better-auth's {@code emailVerification} options). Links carry an
 * HS256 JWT signed with the instance secret and are mailed with {@link dev.postern.mail.MailKind#VERIFY_EMAIL}.
 *
 * @param sendOnSignUp mail a verification link after sign-up; null follows {@code requireEmailVerification}
 * @param sendOnSignIn mail a new link when an unverified user is refused sign-in (with
 *     {@code requireEmailVerification})
 * @param autoSignInAfterVerification start a session when a link is opened
 * @param expiresIn lifetime of a link, 1 hour by default
 */
public record EmailVerificationOptions(Boolean sendOnSignUp, boolean sendOnSignIn, boolean autoSignInAfterVerification,
                                       Duration expiresIn) {
    public static final Duration DEFAULT_EXPIRES_IN = Duration.ofHours(1);

    public EmailVerificationOptions {
        Objects.requireNonNull(expiresIn, "expiresIn");
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("emailVerification.expiresIn: must be positive, was " + expiresIn);
        }
    }

    public static EmailVerificationOptions defaults() {
        return new EmailVerificationOptions(null, false, false, DEFAULT_EXPIRES_IN);
    }

    public EmailVerificationOptions withSendOnSignUp(boolean value) {
        return new EmailVerificationOptions(value, sendOnSignIn, autoSignInAfterVerification, expiresIn);
    }

    public EmailVerificationOptions withSendOnSignIn(boolean value) {
        return new EmailVerificationOptions(sendOnSignUp, value, autoSignInAfterVerification, expiresIn);
    }

    public EmailVerificationOptions withAutoSignInAfterVerification(boolean value) {
        return new EmailVerificationOptions(sendOnSignUp, sendOnSignIn, value, expiresIn);
    }

    public EmailVerificationOptions withExpiresIn(Duration value) {
        return new EmailVerificationOptions(sendOnSignUp, sendOnSignIn, autoSignInAfterVerification, value);
    }

    /** Whether sign-up mails a link: {@link #sendOnSignUp} if set, else whether verification is required. */
    public boolean sendsOnSignUp(boolean requireEmailVerification) {
        return sendOnSignUp != null ? sendOnSignUp : requireEmailVerification;
    }
}
