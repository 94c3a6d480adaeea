package dev.postern.plugin.haveibeenpwned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class HaveIBeenPwnedPluginFactoryTest {

    @Test
    void serverFindsThePluginByBetterAuthsId() {
        assertThat(ServiceLoader.load(PluginFactory.class).stream().map(p -> p.get().id())).contains("have-i-been-pwned");
    }

    @Test
    void optionsAndDefaults() {
        HaveIBeenPwnedOptions defaults = ((HaveIBeenPwnedPlugin) new HaveIBeenPwnedPluginFactory().create(Map.of())).options();
        HaveIBeenPwnedOptions set = ((HaveIBeenPwnedPlugin) new HaveIBeenPwnedPluginFactory().create(Map.of(
                "enabled", false, "paths", List.of("/sign-up/email"), "customPasswordCompromisedMessage", "No",
                "rangeApiUrl", "http://127.0.0.1:9/range"))).options();

        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.paths()).containsExactly("/sign-up/email", "/change-password", "/reset-password",
                "/email-otp/reset-password", "/phone-number/reset-password", "/admin/create-user", "/admin/set-user-password");
        assertThat(defaults.rangeApiUrl()).isEqualTo(URI.create("https://api.pwnedpasswords.com/range"));
        assertThat(set.enabled()).isFalse();
        assertThat(set.paths()).containsExactly("/sign-up/email");
        assertThat(set.customPasswordCompromisedMessage()).isEqualTo("No");
        assertThat(set.rangeApiUrl()).isEqualTo(URI.create("http://127.0.0.1:9/range"));
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> new HaveIBeenPwnedPluginFactory().create(Map.of("path", List.of("/x"))))
                .hasMessageContaining("path");
    }

    @Test
    void countsAreReadAsBetterAuthReadsThem() {
        assertThat(PwnedPasswords.count("ABC:0\r\n0018A:12\r\n", "0018a")).isEqualTo(12);
        assertThat(PwnedPasswords.count("ABC:0\n", "DEF")).isZero();
        assertThat(PwnedPasswords.sha1Hex("password")).isEqualTo("5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8");
    }
}
