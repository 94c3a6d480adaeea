package dev.postern.plugin.phonenumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PhoneNumberPluginFactoryTest {

    @Test
    void serverFindsThePluginByBetterAuthsId() {
        assertThat(ServiceLoader.load(PluginFactory.class).stream().map(p -> p.get().id())).contains("phone-number");
    }

    @Test
    void betterAuthsOptionNamesAreRead() {
        PhoneNumberPlugin plugin = (PhoneNumberPlugin) new PhoneNumberPluginFactory().create(Map.of(
                "otpLength", 8, "expiresIn", 120, "allowedAttempts", 5, "requireVerification", true,
                "phoneNumberValidator", "\\+[0-9]+",
                "signUpOnVerification", Map.of("getTempEmail", "{phoneNumber}@sms.example", "getTempName", "User {phoneNumber}"),
                "sms", Map.of("provider", "twilio", "accountSid", "AC1", "authToken", "t", "from", "+1555",
                        "baseUrl", "http://127.0.0.1:9")));
        PhoneNumberOptions options = plugin.options();

        assertThat(options.otpLength()).isEqualTo(8);
        assertThat(options.expiresIn()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.allowedAttempts()).isEqualTo(5);
        assertThat(options.requireVerification()).isTrue();
        assertThat(options.acceptsNumber("+4912345")).isTrue();
        assertThat(options.acceptsNumber("4912345")).isFalse();
        assertThat(options.signUpOnVerification().getTempEmail().apply("+49")).isEqualTo("+49@sms.example");
        assertThat(options.signUpOnVerification().nameFor("+49")).isEqualTo("User +49");
        assertThat(options.sms()).isInstanceOf(TwilioSmsSender.class);
    }

    @Test
    void defaultsAreBetterAuthsAndNoSenderUntilOneIsChosen() {
        PhoneNumberOptions options = ((PhoneNumberPlugin) new PhoneNumberPluginFactory().create(Map.of())).options();

        assertThat(options.otpLength()).isEqualTo(6);
        assertThat(options.expiresIn()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.allowedAttempts()).isEqualTo(3);
        assertThat(options.sms()).isNull();
        assertThat(((PhoneNumberPlugin) new PhoneNumberPluginFactory().create(Map.of("sms", Map.of("provider", "log"))))
                .options().sms()).isInstanceOf(LoggingSmsSender.class);
    }

    @Test
    void mistakesStopStartUp() {
        assertThatThrownBy(() -> new PhoneNumberPluginFactory().create(Map.of("otpLenght", 6)))
                .hasMessageContaining("otpLenght");
        assertThatThrownBy(() -> new PhoneNumberPluginFactory().create(Map.of("sms", Map.of("provider", "twilio"))))
                .hasMessageContaining("accountSid");
        assertThatThrownBy(() -> new PhoneNumberPluginFactory().create(Map.of("sms", Map.of("accountSid", "AC1"))))
                .hasMessageContaining("sms.provider");
    }
}
