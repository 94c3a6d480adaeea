package dev.postern.smtp;

import dev.postern.mail.MailException;
import dev.postern.mail.MailMessage;
import dev.postern.mail.Mailer;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Sends mail over SMTP with Jakarta Mail. Each message is a {@code multipart/alternative} with the text
 * and HTML bodies. The Jakarta Mail {@link Session} is built once; a connection is opened per message,
 * which keeps the mailer stateless and safe to share between threads.
 */
public final class SmtpMailer implements Mailer {
    private final Session session;
    private final InternetAddress from;

    public SmtpMailer(SmtpSettings settings) {
        Properties props = new Properties();
        String protocol = settings.security() == SmtpSettings.Security.SSL ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", settings.host());
        props.put("mail." + protocol + ".port", Integer.toString(settings.port()));
        String millis = Long.toString(settings.timeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", millis);
        props.put("mail." + protocol + ".timeout", millis);
        props.put("mail." + protocol + ".writetimeout", millis);
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (settings.security() != SmtpSettings.Security.NONE) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = null;
        if (settings.user() != null && !settings.user().isBlank()) {
            props.put("mail." + protocol + ".auth", "true");
            PasswordAuthentication credentials = new PasswordAuthentication(settings.user(),
                    settings.password() == null ? "" : settings.password());
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        this.session = Session.getInstance(props, authenticator);
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("from: not a valid e-mail address: " + settings.from(), e);
        }
    }

    @Override
    public void send(MailMessage message) {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(from);
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.to(), true));
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), StandardCharsets.UTF_8.name());
            MimeMultipart alternatives = new MimeMultipart("alternative");
            alternatives.addBodyPart(text);
            if (message.html() != null) {
                MimeBodyPart html = new MimeBodyPart();
                html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
                alternatives.addBodyPart(html);
            }
            mime.setContent(alternatives);
            Transport.send(mime);
        } catch (MessagingException e) {
            // The recipient is personal data and the body holds credentials: name neither.
            throw new MailException("SMTP delivery failed: " + e.getMessage(), e);
        }
    }
}
