package dev.postern.plugin.phonenumber;

/**
 * A message that could not be handed to the SMS provider. {@link #recipientRejected()} tells a number
 * the provider will never deliver to (the client's mistake, answered 400 {@code INVALID_PHONE_NUMBER})
 * from a provider that failed (answered 502 {@code SMS_DELIVERY_FAILED}).
 */
public final class SmsDeliveryException extends RuntimeException {
    private final boolean recipientRejected;

    public SmsDeliveryException(String message, boolean recipientRejected, Throwable cause) {
        super(message, cause);
        this.recipientRejected = recipientRejected;
    }

    public SmsDeliveryException(String message, boolean recipientRejected) {
        this(message, recipientRejected, null);
    }

    public boolean recipientRejected() {
        return recipientRejected;
    }
}
