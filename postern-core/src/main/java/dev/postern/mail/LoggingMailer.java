package dev.postern.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer used when none is configured: instead of sending, it logs each message. In development
 * it logs the text body, so the links in verification and reset e-mails can be clicked from the
 * console. Those links are credentials, so in production ({@link #withoutBodies()}, the default there)
 * it logs only that a message to someone could not be sent, never its content.
 */
public final class LoggingMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingMailer.class);

    private final boolean includeBodies;

    /** Logs whole messages, links included: development only. */
    public LoggingMailer() {
        this(true);
    }

    private LoggingMailer(boolean includeBodies) {
        this.includeBodies = includeBodies;
    }

    /** Logs that a message was dropped, without its subject or body. */
    public static LoggingMailer withoutBodies() {
        return new LoggingMailer(false);
    }

    public boolean includesBodies() {
        return includeBodies;
    }

    @Override
    public void send(MailMessage message) {
        if (includeBodies) {
            LOG.info("E-mail (not sent: no SMTP server configured)\nTo: {}\nSubject: {}\n\n{}",
                    message.to(), message.subject(), message.text());
        } else {
            LOG.warn("An e-mail could not be sent: no mail server is configured (set POSTERN_SMTP_HOST or "
                    + "PosternConfig.Builder.mailer). Its content is not logged because it may hold credentials.");
        }
    }
}
