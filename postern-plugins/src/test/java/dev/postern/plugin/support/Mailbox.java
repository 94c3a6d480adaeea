package dev.postern.plugin.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.postern.mail.Mailer;
import dev.postern.smtp.SmtpMailer;
import dev.postern.smtp.SmtpSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) for a test, and the Postern mailer that talks to it over a socket. Tests
 * read the links Postern mailed out of the received messages, as a user would click them.
 */
public final class Mailbox implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern CODE = Pattern.compile("\\b\\d{4,12}\\b");

    private final GreenMail greenMail;
    private final ServerSetup setup;

    private Mailbox(ServerSetup setup) {
        this.setup = setup;
        this.greenMail = new GreenMail(setup);
        greenMail.start();
    }

    public static Mailbox start() {
        return new Mailbox(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Postern's SMTP mailer, pointed at this server without TLS or login. */
    public Mailer mailer() {
        return new SmtpMailer(new SmtpSettings("127.0.0.1", setup.getPort(), null, null,
                "Postern <no-reply@example.com>", SmtpSettings.Security.NONE, Duration.ofSeconds(5)));
    }

    /** Every message received so far, oldest first. */
    public List<Mail> all() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            mails.add(Mail.of(message));
        }
        return mails;
    }

    /** The newest message to {@code address}; fails when none arrived. */
    public Mail lastTo(String address) {
        List<Mail> mails = all().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
        if (mails.isEmpty()) {
            throw new AssertionError("No e-mail to " + address + "; received: " + all());
        }
        return mails.get(mails.size() - 1);
    }

    public int count() {
        return greenMail.getReceivedMessages().length;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One received message: recipient, subject and the plain-text body. */
    public record Mail(String to, String subject, String text) {
        static Mail of(MimeMessage message) {
            try {
                String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
                Object content = message.getContent();
                String text = content instanceof MimeMultipart parts
                        ? String.valueOf(parts.getBodyPart(0).getContent())
                        : String.valueOf(content);
                return new Mail(to, message.getSubject(), text);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Unreadable message", e);
            }
        }

        /** The {@code token} query parameter of the link (verification and delete-account links). */
        public String tokenParameter() {
            String link = link();
            int start = link.indexOf("token=") + "token=".length();
            int end = link.indexOf('&', start);
            return link.substring(start, end < 0 ? link.length() : end);
        }

        /** The last path segment of the link: the token of a reset link ({@code /reset-password/<token>?...}). */
        public String lastPathSegment() {
            String link = link();
            int end = link.indexOf('?') < 0 ? link.length() : link.indexOf('?');
            return link.substring(link.lastIndexOf('/', end) + 1, end);
        }

        /** The one-time code in the body: its first run of 4 to 12 digits (the e-mail OTP mails carry one). */
        public String code() {
            Matcher m = CODE.matcher(text);
            if (!m.find()) {
                throw new AssertionError("No code in: " + text);
            }
            return m.group();
        }

        /** The link in the body (the e-mails carry exactly one). */
        public String link() {
            Matcher m = URL.matcher(text);
            if (!m.find()) {
                throw new AssertionError("No link in: " + text);
            }
            return m.group();
        }
    }
}
