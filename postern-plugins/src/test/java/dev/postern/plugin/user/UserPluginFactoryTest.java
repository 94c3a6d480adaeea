package dev.postern.plugin.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code plugins.user} in {@code postern.yaml}. */
class UserPluginFactoryTest {

    @Test
    void yamlOptionsBecomeTheOptionsRecord() {
        UserPlugin plugin = (UserPlugin) new UserPluginFactory().create(Map.of(
                "changeEmail", Map.of("enabled", true, "confirmWithCurrentAddress", false),
                "deleteUser", Map.of("enabled", true, "verificationEmail", true, "deleteTokenExpiresIn", 3600),
                "allowUnlinkingAll", true));

        UserOptions options = plugin.options();
        assertThat(options.changeEmail()).isEqualTo(new UserOptions.ChangeEmailOptions(true, false, false));
        assertThat(options.deleteUser()).isEqualTo(new UserOptions.DeleteUserOptions(true, true, Duration.ofHours(1)));
        assertThat(options.allowUnlinkingAll()).isTrue();
        assertThat(((UserPlugin) new UserPluginFactory().create(Map.of())).options()).isEqualTo(UserOptions.defaults());
    }

    @Test
    void unknownOptionsAreRefused() {
        assertThatThrownBy(() -> new UserPluginFactory().create(Map.of("deleteUser", Map.of("enable", true))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deleteUser.enable");
    }
}
