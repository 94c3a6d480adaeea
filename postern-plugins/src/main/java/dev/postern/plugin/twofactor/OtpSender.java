package dev.postern.plugin.twofactor;

import dev.postern.PosternConfig;
import dev.postern.mail.MailKind;
import dev.postern.plugin.emailpassword.AuthMails;
import dev.postern.store.Row;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivers a two-factor one-time code: better-auth's {@code otpOptions.sendOTP({user, otp})}. The built-in
 * {@link #email()} mails it through the configured mailer and the {@link MailKind#TWO_FACTOR_OTP}
 * template; an application passes its own to send an SMS or push message instead.
 */
@FunctionalInterface
public interface OtpSender {

    /** Sends {@code otp} to {@code user}; a failure is logged by the caller and the request still succeeds. */
    void send(Row user, String otp, PosternConfig config);

    /** Mails the code to the user's address. */
    static OtpSender email() {
        return (user, otp, config) -> {
            Map<String, String> variables = new LinkedHashMap<>();
            variables.put("otp", otp);
            if (user.string("name") != null) {
                variables.put("name", user.string("name"));
            }
            variables.put("email", user.string("email"));
            AuthMails.send(config, MailKind.TWO_FACTOR_OTP, user.string("email"), variables);
        };
    }
}
