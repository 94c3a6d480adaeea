package dev.postern.mail;

/**
 * Sends e-mail: verification links, password resets, sign-in codes. The server uses SMTP when configured
 * and {@link LoggingMailer} otherwise; embedding applications may plug in their own (an e-mail API, a
 * queue). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Mailer {

    /**
     * Sends the message or throws {@link MailException}. Callers decide what a failure means for the
     * request (better-auth logs it and, for most flows, still answers success so addresses can't be probed).
     */
    void send(MailMessage message);
}
