package dev.postern.plugin.phonenumber;

/**
 * Delivers a text message: better-auth's {@code sendOTP} / {@code sendPasswordResetOTP} callbacks as a
 * service. {@link LoggingSmsSender} is for development, {@link TwilioSmsSender} sends for real; an
 * application may plug in its own.
 */
@FunctionalInterface
public interface SmsSender {

    /**
     * Sends {@code text} to {@code phoneNumber}, returning once the provider accepted it.
     *
     * @throws SmsDeliveryException when the provider refused the message or could not be reached
     */
    void send(String phoneNumber, String text);
}
