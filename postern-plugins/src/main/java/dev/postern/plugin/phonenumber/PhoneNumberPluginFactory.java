package dev.postern.plugin.phonenumber;

import dev.postern.plugin.Plugin;
import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.options.PluginOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Enables {@link PhoneNumberPlugin} in the standalone server ({@code POSTERN_PLUGINS=phone-number}), with
 * better-auth's option names. better-auth's function options become data: {@code phoneNumberValidator} is a
 * regular expression the whole number must match, and {@code signUpOnVerification}'s functions are
 * templates in which {@code {phoneNumber}} is replaced. {@code sms} chooses the sender:
 * <pre>{@code
 * plugins:
 *   phone-number:
 *     otpLength: 6
 *     expiresIn: 300
 *     allowedAttempts: 3
 *     requireVerification: false
 *     phoneNumberValidator: "^\\+[1-9][0-9]{7,14}$"
 *     signUpOnVerification:
 *       getTempEmail: "{phoneNumber}@phone.example.com"
 *       getTempName: "{phoneNumber}"
 *     sms:
 *       provider: twilio          # or "log": development only, writes each message (and code) to the log
 *       accountSid: ACxxxxxxxx
 *       authToken: xxxxxxxx
 *       from: "+15005550006"
 *       baseUrl: https://api.twilio.com
 *       otpMessage: "Your verification code is {code}"
 *       passwordResetMessage: "Your password reset code is {code}"
 * }</pre>
 * Without {@code sms}, {@code /phone-number/send-otp} answers 501 {@code SEND_OTP_NOT_IMPLEMENTED}.
 */
public final class PhoneNumberPluginFactory implements PluginFactory {

    /** The SMS providers {@code sms.provider} names. */
    enum Provider { TWILIO, LOG }

    @Override
    public String id() {
        return PhoneNumberPlugin.ID;
    }

    @Override
    public String description() {
        return "Phone number sign-in, SMS verification codes (Twilio) and password reset by SMS";
    }

    @Override
    public Plugin create(Map<String, Object> raw) {
        PluginOptions options = PluginOptions.of(raw);
        int otpLength = options.integer("otpLength", 6);
        Duration expiresIn = options.seconds("expiresIn", Duration.ofSeconds(300));
        int allowedAttempts = options.integer("allowedAttempts", 3);
        boolean requireVerification = options.bool("requireVerification", false);
        String validator = options.string("phoneNumberValidator", null);
        PluginOptions signUp = options.section("signUpOnVerification");
        String tempEmail = signUp.string("getTempEmail", null);
        String tempName = signUp.string("getTempName", null);
        PluginOptions sms = options.section("sms");
        Provider provider = sms.choice("provider", Provider.class, null);
        String accountSid = sms.string("accountSid", null);
        String authToken = sms.string("authToken", null);
        String from = sms.string("from", null);
        String baseUrl = sms.string("baseUrl", TwilioSmsSender.DEFAULT_BASE_URL.toString());
        String otpMessage = sms.string("otpMessage", PhoneNumberOptions.DEFAULT_OTP_MESSAGE);
        String resetMessage = sms.string("passwordResetMessage", PhoneNumberOptions.DEFAULT_PASSWORD_RESET_MESSAGE);
        options.rejectUnknown();

        if (tempEmail == null && tempName != null) {
            throw new IllegalArgumentException("signUpOnVerification.getTempEmail is required with getTempName");
        }
        if (provider == null && (accountSid != null || authToken != null || from != null)) {
            throw new IllegalArgumentException("sms.provider is required: twilio or log");
        }
        SmsSender sender = provider == null ? null : switch (provider) {
            case LOG -> new LoggingSmsSender();
            case TWILIO -> new TwilioSmsSender(URI.create(baseUrl), accountSid, authToken, from);
        };
        Pattern pattern = validator == null ? null : Pattern.compile(validator);
        return new PhoneNumberPlugin(new PhoneNumberOptions(otpLength, expiresIn, allowedAttempts, requireVerification,
                pattern == null ? null : number -> pattern.matcher(number).matches(),
                tempEmail == null ? null : new PhoneNumberOptions.SignUpOnVerification(template(tempEmail),
                        tempName == null ? null : template(tempName)),
                sender, otpMessage, resetMessage));
    }

    private static Function<String, String> template(String template) {
        return phoneNumber -> template.replace("{phoneNumber}", phoneNumber);
    }
}
