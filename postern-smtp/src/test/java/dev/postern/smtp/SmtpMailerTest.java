package dev.postern.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.postern.mail.MailException;
import dev.postern.mail.MailKind;
import dev.postern.mail.MailMessage;
import dev.postern.mail.MailTemplates;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real SMTP: messages go over a socket to GreenMail's in-process server. */
class SmtpMailerTest {
    private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("postern", "s3cret"))
            .withPerMethodLifecycle(true);

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SmtpMailer mailer(String user, String password) {
        return new SmtpMailer(new SmtpSettings("127.0.0.1", SMTP.getPort(), user, password,
                "Postern <no-reply@example.com>", SmtpSettings.Security.NONE, Duration.ofSeconds(5)));
    }

    @Test
    void sendDeliversTextAndHtmlAlternativesWithAuthentication() throws Exception {
        MailMessage message = MailTemplates.defaults().render(MailKind.VERIFY_EMAIL, "ada@example.com", "Acme",
                Map.of("url", "http://localhost:3000/api/auth/verify-email?token=abc&callbackURL=%2F", "name", "Ada <Lovelace>"));

        mailer("postern", "s3cret").send(message);

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Acme: Verify your email address");
        assertThat(received[0].getFrom()[0].toString()).contains("no-reply@example.com");
        MimeMultipart parts = (MimeMultipart) received[0].getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("Hello Ada <Lovelace>,").contains("verify-email?token=abc&callbackURL=%2F");
        assertThat(html).contains("Ada &lt;Lovelace&gt;").doesNotContain("<Lovelace>")
                .contains("href=\"http://localhost:3000/api/auth/verify-email?token=abc&amp;callbackURL=%2F\"");
    }

    @Test
    void nonAsciiSubjectsAndBodiesSurviveTheTrip() throws Exception {
        mailer("postern", "s3cret").send(new MailMessage("zoë@example.com", "Ünïcödé ✓", "Grüße 👋", null));

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Ünïcödé ✓");
        assertThat(GreenMailUtil.getBody(received)).isNotEmpty();
        assertThat(((MimeMultipart) received.getContent()).getBodyPart(0).getContent()).isEqualTo("Grüße 👋");
    }

    @Test
    void wrongCredentialsFailWithMailExceptionThatNamesNoSecret() {
        assertThatThrownBy(() -> mailer("postern", "wrong").send(new MailMessage("a@example.com", "s", "t", null)))
                .isInstanceOf(MailException.class)
                .hasMessageStartingWith("SMTP delivery failed")
                .hasMessageNotContaining("wrong");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerFailsWithMailException() {
        SmtpMailer nowhere = new SmtpMailer(new SmtpSettings("127.0.0.1", freePort(), null, null,
                "no-reply@example.com", SmtpSettings.Security.NONE, Duration.ofSeconds(2)));

        assertThatThrownBy(() -> nowhere.send(new MailMessage("a@example.com", "s", "t", null)))
                .isInstanceOf(MailException.class);
    }

    @Test
    void settingsNeverPrintThePassword() {
        SmtpSettings settings = new SmtpSettings("smtp.example.com", 587, "u", "hunter2", "a@example.com",
                SmtpSettings.securityForPort(587), null);

        assertThat(settings.toString()).doesNotContain("hunter2").contains("****");
        assertThat(settings.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(SmtpSettings.securityForPort(465)).isEqualTo(SmtpSettings.Security.SSL);
    }
}
