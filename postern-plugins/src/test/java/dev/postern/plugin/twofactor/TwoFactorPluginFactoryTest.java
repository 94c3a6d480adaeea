package dev.postern.plugin.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** {@code plugins: { two-factor: {...} }} in postern.yaml, with better-auth's option names. */
class TwoFactorPluginFactoryTest {

    @Test
    void isRegisteredAndReadsBetterAuthsOptionNames() {
        PluginFactory factory = ServiceLoader.load(PluginFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("two-factor")).findFirst().orElseThrow();

        TwoFactorPlugin plugin = (TwoFactorPlugin) factory.create(Map.of(
                "issuer", "My App",
                "totpOptions", Map.of("digits", 8, "period", 60),
                "otpOptions", Map.of("sendOTP", "email", "period", 5, "storeOTP", "hashed", "allowedAttempts", 3),
                "backupCodeOptions", Map.of("amount", 12, "storeBackupCodes", "plain"),
                "skipVerificationOnEnable", true,
                "trustDeviceMaxAge", 86400,
                "accountLockout", Map.of("maxFailedAttempts", 4, "durationSeconds", 60)));

        TwoFactorOptions options = plugin.options();
        assertThat(options.issuer()).isEqualTo("My App");
        assertThat(options.totp()).isEqualTo(new TwoFactorOptions.TotpOptions(8, 60, false));
        assertThat(options.otp().sendOTP()).isNotNull();
        assertThat(options.otp().period()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.otp().storeOTP()).isEqualTo(TwoFactorOptions.OtpStorage.HASHED);
        assertThat(options.otp().allowedAttempts()).isEqualTo(3);
        assertThat(options.backupCodes().amount()).isEqualTo(12);
        assertThat(options.backupCodes().storeBackupCodes()).isEqualTo(TwoFactorOptions.BackupCodeStorage.PLAIN);
        assertThat(options.skipVerificationOnEnable()).isTrue();
        assertThat(options.trustDeviceMaxAge()).isEqualTo(Duration.ofDays(1));
        assertThat(options.accountLockout()).isEqualTo(new TwoFactorOptions.AccountLockoutOptions(true, 4, Duration.ofSeconds(60)));
        assertThat(((TwoFactorPlugin) factory.create(Map.of())).options()).isEqualTo(TwoFactorOptions.defaults());
    }

    @Test
    void refusesUnknownOptionsAndUnsupportedValues() {
        TwoFactorPluginFactory factory = new TwoFactorPluginFactory();

        assertThatThrownBy(() -> factory.create(Map.of("isuer", "x"))).hasMessageContaining("isuer");
        assertThatThrownBy(() -> factory.create(Map.of("totpOptions", Map.of("digits", 7)))).hasMessageContaining("digits");
        assertThatThrownBy(() -> factory.create(Map.of("otpOptions", Map.of("sendOTP", "sms")))).hasMessageContaining("sendOTP");
    }
}
