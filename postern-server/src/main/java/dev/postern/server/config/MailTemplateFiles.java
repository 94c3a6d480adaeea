package dev.postern.server.config;

import dev.postern.mail.MailKind;
import dev.postern.mail.MailMessage;
import dev.postern.mail.MailTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail templates from files, for the standalone server ({@code POSTERN_MAIL_TEMPLATES=./templates}).
 * For each kind, {@code <kind>.subject.txt}, {@code <kind>.txt} and optionally {@code <kind>.html}, where
 * kind is {@code verify-email}, {@code reset-password}, {@code change-email}, {@code delete-account},
 * {@code magic-link} or {@code email-otp}. A kind without files keeps the built-in template. Placeholders
 * are {@code {{url}}}, {@code {{name}}}, {@code {{email}}}, {@code {{newEmail}}}, {@code {{otp}}},
 * {@code {{type}}} and {@code {{appName}}}; in the HTML body their values are
 * escaped, so a user's name can never inject markup.
 */
public final class MailTemplateFiles {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private MailTemplateFiles() {
    }

    /** The defaults with every kind found in {@code dir} replaced; fails with one line naming the file. */
    public static MailTemplates load(Path dir, String key) {
        if (!Files.isDirectory(dir)) {
            throw ConfigException.of(key, "not a folder: " + dir);
        }
        MailTemplates templates = MailTemplates.defaults();
        for (MailKind kind : MailKind.values()) {
            String base = fileBase(kind);
            Path subject = dir.resolve(base + ".subject.txt");
            Path text = dir.resolve(base + ".txt");
            Path html = dir.resolve(base + ".html");
            if (!Files.exists(subject) && !Files.exists(text) && !Files.exists(html)) {
                continue;
            }
            if (!Files.isRegularFile(subject) || !Files.isRegularFile(text)) {
                throw ConfigException.of(key, "templates for " + base + " need both " + subject.getFileName()
                        + " and " + text.getFileName() + " in " + dir);
            }
            String subjectTemplate = read(subject, key).strip();
            if (subjectTemplate.contains("\n")) {
                throw ConfigException.of(key, subject + " must hold one line");
            }
            String textTemplate = read(text, key);
            String htmlTemplate = Files.isRegularFile(html) ? read(html, key) : null;
            templates = templates.with(kind, (to, appName, variables) -> new MailMessage(to,
                    fill(subjectTemplate, appName, variables, false),
                    fill(textTemplate, appName, variables, false),
                    htmlTemplate == null ? null : fill(htmlTemplate, appName, variables, true)));
        }
        return templates;
    }

    /** {@code VERIFY_EMAIL} → {@code verify-email}. */
    static String fileBase(MailKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String fill(String template, String appName, Map<String, String> variables, boolean html) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = name.equals("appName") ? appName : variables.getOrDefault(name, "");
            // Subjects and text bodies go into headers and plain text: line breaks in a value must not
            // start new header lines, so they become spaces.
            String safe = html ? escapeHtml(value) : value.replaceAll("[\\r\\n]+", " ");
            m.appendReplacement(out, Matcher.quoteReplacement(safe));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String read(Path file, String key) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ConfigException.of(key, "cannot read " + file + ": " + e.getMessage());
        }
    }
}
