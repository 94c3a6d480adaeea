package dev.postern.plugin.emailotp;

/**
 * better-auth's {@code sendVerificationOTP}: delivers a code. Without one, Postern mails it with its mailer
 * and the {@code EMAIL_OTP} template. A failure thrown here fails the request that sends.
 */
@FunctionalInterface
public interface OtpSender {

    void send(OneTimeCode code);

    /**
     * One code to deliver.
     *
     * @param email the recipient
     * @param otp the code
     * @param type {@code sign-in}, {@code email-verification}, {@code forget-password} or {@code change-email}
     */
    record OneTimeCode(String email, String otp, String type) {
    }
}
