package dev.postern.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development mailer: instead of sending, it logs each message with its text body, so the links in
 * verification and reset e-mails can be clicked from the console. Those links are credentials, which is
 * why the server warns at start-up when it runs with this mailer, and refuses it in production.
 */
public final class LoggingMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingMailer.class);

    @Override
    public void send(MailMessage message) {
        LOG.info("E-mail (not sent: no SMTP server configured)\nTo: {}\nSubject: {}\n\n{}",
                message.to(), message.subject(), message.text());
    }
}
