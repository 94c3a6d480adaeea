package dev.postern.plugin.emailpassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import dev.postern.plugin.user.UserPlugin;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The server enables these plugins by id, with better-auth's option names from {@code postern.yaml}. */
class EmailPasswordPluginFactoryTest {

    @Test
    void bothFactoriesAreFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(PluginFactory.class).stream().map(p -> p.get().id()))
                .contains(EmailPasswordPlugin.ID, UserPlugin.ID);
    }

    @Test
    void yamlOptionsBecomeTheOptionsRecord() {
        EmailPasswordPlugin plugin = (EmailPasswordPlugin) new EmailPasswordPluginFactory().create(Map.of(
                "requireEmailVerification", true,
                "minPasswordLength", 12,
                "resetPasswordTokenExpiresIn", 600,
                "passwordHashing", "argon2id",
                "emailVerification", Map.of("sendOnSignIn", true, "expiresIn", 7200)));

        EmailPasswordOptions options = plugin.options();
        assertThat(options.requireEmailVerification()).isTrue();
        assertThat(options.minPasswordLength()).isEqualTo(12);
        assertThat(options.maxPasswordLength()).isEqualTo(128);
        assertThat(options.resetPasswordTokenExpiresIn()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.passwordHashing()).isEqualTo(EmailPasswordOptions.PasswordHashing.ARGON2ID);
        assertThat(options.emailVerification().sendOnSignIn()).isTrue();
        assertThat(options.emailVerification().sendOnSignUp()).isNull();
        assertThat(options.emailVerification().expiresIn()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void typosAndWrongTypesStopStartUpNamingTheKey() {
        EmailPasswordPluginFactory factory = new EmailPasswordPluginFactory();
        assertThatThrownBy(() -> factory.create(Map.of("requireEmailVerfication", true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requireEmailVerfication");
        assertThatThrownBy(() -> factory.create(Map.of("emailVerification", Map.of("sendOnSignUpp", true))))
                .hasMessageContaining("emailVerification.sendOnSignUpp");
        assertThatThrownBy(() -> factory.create(Map.of("minPasswordLength", "eight")))
                .hasMessage("minPasswordLength: expected a whole number, was \"eight\"");
        assertThatThrownBy(() -> factory.create(Map.of("passwordHashing", "md5")))
                .hasMessageContaining("argon2id").hasMessageContaining("scrypt");
        assertThatThrownBy(() -> factory.create(Map.of("minPasswordLength", 10, "maxPasswordLength", 5)))
                .hasMessageContaining("maxPasswordLength");
    }
}
