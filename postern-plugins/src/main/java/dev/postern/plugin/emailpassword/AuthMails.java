package dev.postern.plugin.emailpassword;

import dev.postern.PosternConfig;
import dev.postern.mail.MailException;
import dev.postern.mail.MailKind;
import dev.postern.mail.MailMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders one of Postern's e-mails with the configured templates and hands it to the configured mailer.
 * A failure is logged here, naming the kind and recipient but never the link (it is a credential), and
 * then rethrown: the request fails with a 500, as better-auth's awaited senders do, unless the caller
 * swallows it because the change already happened (a sign-up's verification mail).
 */
public final class AuthMails {
    private static final Logger LOG = LoggerFactory.getLogger(AuthMails.class);

    private AuthMails() {
    }

    /** Sends the e-mail; a failure is logged and rethrown. */
    public static void send(PosternConfig config, MailKind kind, String to, Map<String, String> variables) {
        try {
            deliver(config, kind, to, variables);
        } catch (MailException | IllegalArgumentException e) {
            LOG.error("Could not send the {} e-mail to {}", kind, to, e);
            throw e;
        }
    }

    /** The template variables; absent values are left out rather than rendered as "null". */
    public static Map<String, String> variables(String url, String name, String email, String newEmail) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("url", url);
        putIfPresent(variables, "name", name);
        putIfPresent(variables, "email", email);
        putIfPresent(variables, "newEmail", newEmail);
        return variables;
    }

    private static void putIfPresent(Map<String, String> variables, String key, String value) {
        if (value != null) {
            variables.put(key, value);
        }
    }

    private static void deliver(PosternConfig config, MailKind kind, String to, Map<String, String> variables) {
        MailMessage message = config.mailTemplates().render(kind, to, config.appName(), variables);
        config.mailer().send(message);
    }
}
