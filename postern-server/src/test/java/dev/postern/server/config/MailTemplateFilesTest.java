package dev.postern.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.mail.MailKind;
import dev.postern.mail.MailMessage;
import dev.postern.mail.MailTemplates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailTemplateFilesTest {
    @TempDir
    Path dir;

    private static final Map<String, String> VARIABLES = Map.of(
            "url", "https://auth.example.com/api/auth/reset-password/abc?callbackURL=%2F", "name", "Ada <b>L</b>\r\nBcc: x",
            "email", "ada@example.com");

    @Test
    void filesReplaceTheirKindAndOtherKindsKeepTheDefaults() throws IOException {
        Files.writeString(dir.resolve("reset-password.subject.txt"), "{{appName}}: new password for {{name}}\n");
        Files.writeString(dir.resolve("reset-password.txt"), "Hi {{ name }}, go to {{url}}");
        Files.writeString(dir.resolve("reset-password.html"), "<p>Hi {{name}}</p><a href=\"{{url}}\">reset</a>");

        MailTemplates templates = MailTemplateFiles.load(dir, "POSTERN_MAIL_TEMPLATES");
        MailMessage reset = templates.render(MailKind.RESET_PASSWORD, "ada@example.com", "Acme", VARIABLES);
        MailMessage verify = templates.render(MailKind.VERIFY_EMAIL, "ada@example.com", "Acme", VARIABLES);

        assertThat(reset.subject()).isEqualTo("Acme: new password for Ada <b>L</b> Bcc: x");
        assertThat(reset.text()).isEqualTo("Hi Ada <b>L</b> Bcc: x, go to " + VARIABLES.get("url"));
        assertThat(reset.html()).isEqualTo("<p>Hi Ada &lt;b&gt;L&lt;/b&gt;\r\nBcc: x</p>"
                + "<a href=\"https://auth.example.com/api/auth/reset-password/abc?callbackURL=%2F\">reset</a>");
        assertThat(verify.subject()).isEqualTo(MailTemplates.defaults()
                .render(MailKind.VERIFY_EMAIL, "ada@example.com", "Acme", VARIABLES).subject());
    }

    @Test
    void aKindWithASubjectButNoTextIsRefusedWithOneLine() throws IOException {
        Files.writeString(dir.resolve("verify-email.subject.txt"), "Verify");

        assertThatThrownBy(() -> MailTemplateFiles.load(dir, "POSTERN_MAIL_TEMPLATES"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("POSTERN_MAIL_TEMPLATES: templates for verify-email need both");
    }

    @Test
    void theServerReadsTheFolderFromTheEnvironment() throws IOException {
        Path templates = Files.createDirectory(dir.resolve("mail"));
        Files.writeString(templates.resolve("verify-email.subject.txt"), "Welcome to {{appName}}");
        Files.writeString(templates.resolve("verify-email.txt"), "{{url}}");

        ServerSettings settings = new SettingsLoader(Map.of("POSTERN_MAIL_TEMPLATES", "mail"), dir, List.of())
                .load(Optional.empty());

        assertThat(settings.engine().mailTemplates()).hasValueSatisfying(t -> assertThat(
                t.render(MailKind.VERIFY_EMAIL, "a@example.com", "Acme", Map.of("url", "u")).subject())
                .isEqualTo("Welcome to Acme"));
        assertThatThrownBy(() -> new SettingsLoader(Map.of("POSTERN_MAIL_TEMPLATES", "missing"), dir, List.of())
                .load(Optional.empty())).hasMessageStartingWith("POSTERN_MAIL_TEMPLATES: not a folder:");
    }
}
