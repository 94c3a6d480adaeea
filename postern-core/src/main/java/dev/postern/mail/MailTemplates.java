package dev.postern.mail;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the e-mails of {@link MailKind} from variables. The defaults are plain and accessible; an
 * application replaces any of them with {@link #with(MailKind, Template)} (Java) and the server from
 * template files. Variables are HTML-escaped in the HTML body; a template never sees raw input there.
 */
public final class MailTemplates {

    /** Renders one kind of e-mail. */
    @FunctionalInterface
    public interface Template {
        MailMessage render(String to, String appName, Map<String, String> variables);
    }

    private final Map<MailKind, Template> templates;

    private MailTemplates(Map<MailKind, Template> templates) {
        this.templates = templates;
    }

    public static MailTemplates defaults() {
        Map<MailKind, Template> map = new EnumMap<>(MailKind.class);
        map.put(MailKind.VERIFY_EMAIL, simple("Verify your email address",
                "Confirm that this is your email address to finish setting up your {app} account.", "Verify email"));
        map.put(MailKind.RESET_PASSWORD, simple("Reset your password",
                "Someone asked to reset the password of your {app} account. If it was you, choose a new password; the link expires in one hour. If not, ignore this email.",
                "Reset password"));
        map.put(MailKind.CHANGE_EMAIL, simple("Approve your new email address",
                "Someone asked to change the email address of your {app} account to {newEmail}. If it was you, approve the change.",
                "Approve change"));
        map.put(MailKind.DELETE_ACCOUNT, simple("Confirm account deletion",
                "Someone asked to delete your {app} account. If it was you, confirm; this cannot be undone. If not, change your password.",
                "Delete my account"));
        map.put(MailKind.MAGIC_LINK, simple("Your sign-in link",
                "Use this link to sign in to your {app} account. It works once and expires in a few minutes. If you did not ask for it, ignore this email.",
                "Sign in"));
        map.put(MailKind.EMAIL_OTP, MailTemplates::oneTimeCode);
        map.put(MailKind.TWO_FACTOR_OTP, code("Your verification code",
                "Enter this code to finish signing in to your {app} account. If you did not try to sign in, change your password."));
        map.put(MailKind.ORGANIZATION_INVITATION, simple("You are invited to join {organizationName}",
                "{inviterName} ({inviterEmail}) invited you to join {organizationName} on {app} as {role}. If you did not expect this invitation, ignore this email.",
                "Accept invitation"));
        return new MailTemplates(map);
    }

    /** A copy with one template replaced. */
    public MailTemplates with(MailKind kind, Template template) {
        Map<MailKind, Template> map = new EnumMap<>(templates);
        map.put(kind, Objects.requireNonNull(template, "template"));
        return new MailTemplates(map);
    }

    public MailMessage render(MailKind kind, String to, String appName, Map<String, String> variables) {
        return templates.get(kind).render(to, appName, variables);
    }

    private static Template simple(String subject, String paragraph, String action) {
        return (to, appName, vars) -> {
            String url = vars.getOrDefault("url", "");
            String greeting = vars.containsKey("name") && !vars.get("name").isBlank() ? "Hello " + vars.get("name") + "," : "Hello,";
            String textParagraph = fill(paragraph, appName, vars, false);
            String text = greeting + "\n\n" + textParagraph + "\n\n" + action + ": " + url + "\n";
            String html = """
                    <!DOCTYPE html>
                    <html lang="en"><body style="font-family:system-ui,sans-serif;color:#1d2330;max-width:32rem;margin:auto;padding:1.5rem">
                    <p>%s</p>
                    <p>%s</p>
                    <p><a href="%s" style="display:inline-block;background:#1d4ed8;color:#fff;padding:.6rem 1rem;border-radius:6px;text-decoration:none">%s</a></p>
                    <p style="font-size:.85rem;color:#5b6472">Or open this link: %s</p>
                    </body></html>
                    """.formatted(escape(greeting), fill(paragraph, appName, vars, true), escape(url), escape(action), escape(url));
            return new MailMessage(to, appName + ": " + fill(subject, appName, vars, false).replaceAll("[\\r\\n]+", " "), text, html);
        };
    }

    /** A one-time code of the email-otp plugin, worded for what it is for ({@code type}). */
    private static MailMessage oneTimeCode(String to, String appName, Map<String, String> vars) {
        String purpose = switch (vars.getOrDefault("type", "")) {
            case "email-verification" -> "verify your email address";
            case "forget-password" -> "reset your password";
            case "change-email" -> "confirm your new email address";
            default -> "sign in";
        };
        return code("Your code", "Enter this code to " + purpose
                + " for your {app} account. It expires in a few minutes. If you did not ask for it, ignore this email.")
                .render(to, appName, vars);
    }

    /** A message that carries a one-time code ({@code otp}) instead of a link. */
    private static Template code(String subject, String paragraph) {
        return (to, appName, vars) -> {
            String otp = vars.getOrDefault("otp", "");
            String greeting = vars.containsKey("name") && !vars.get("name").isBlank() ? "Hello " + vars.get("name") + "," : "Hello,";
            String text = greeting + "\n\n" + fill(paragraph, appName, vars, false) + "\n\nCode: " + otp + "\n";
            String html = """
                    <!DOCTYPE html>
                    <html lang="en"><body style="font-family:system-ui,sans-serif;color:#1d2330;max-width:32rem;margin:auto;padding:1.5rem">
                    <p>%s</p>
                    <p>%s</p>
                    <p style="font-size:1.5rem;letter-spacing:.2em;font-weight:600">%s</p>
                    </body></html>
                    """.formatted(escape(greeting), fill(paragraph, appName, vars, true), escape(otp));
            return new MailMessage(to, appName + ": " + subject, text, html);
        };
    }

    private static String fill(String template, String appName, Map<String, String> vars, boolean html) {
        String out = template.replace("{app}", html ? escape(appName) : appName);
        for (Map.Entry<String, String> e : vars.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", html ? escape(e.getValue()) : e.getValue());
        }
        return out;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
