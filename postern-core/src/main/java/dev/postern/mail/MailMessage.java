package dev.postern.mail;

import java.util.Objects;

/**
 * One e-mail to send: recipient, subject, and both a plain-text and an HTML body (mail clients pick the
 * one they can show).
 */
public record MailMessage(String to, String subject, String text, String html) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (to.isBlank() || to.contains("\r") || to.contains("\n")) {
            throw new IllegalArgumentException("to: not a single address");
        }
        if (subject.contains("\r") || subject.contains("\n")) {
            throw new IllegalArgumentException("subject: must be one line");
        }
    }
}
