package dev.postern.mail;

/** A message could not be handed to the mail server. The cause holds the transport's detail. */
public class MailException extends RuntimeException {
    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
