package dev.postern.plugin.username;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UsernamePluginFactoryTest {
    private final UsernamePluginFactory factory = new UsernamePluginFactory();

    @Test
    void readsBetterAuthOptionNames() {
        UsernamePlugin plugin = (UsernamePlugin) factory.create(Map.of("minUsernameLength", 4, "maxUsernameLength", 10,
                "usernameValidator", "[a-z]+", "usernameNormalization", false, "displayUsername", false,
                "immutableUsername", true, "validationOrder", Map.of("username", "post-normalization")));
        UsernameOptions options = plugin.options();

        assertThat(options.minUsernameLength()).isEqualTo(4);
        assertThat(options.maxUsernameLength()).isEqualTo(10);
        assertThat(options.usernameValidator().test("abc")).isTrue();
        assertThat(options.usernameValidator().test("abc1")).isFalse();
        assertThat(options.usernameNormalization().apply("AbC")).isEqualTo("AbC");
        assertThat(options.displayUsername()).isFalse();
        assertThat(options.immutableUsername()).isTrue();
        assertThat(options.usernameValidationOrder()).isEqualTo(UsernameOptions.ValidationOrder.POST_NORMALIZATION);
        assertThat(plugin.schema().fields().get("user")).hasSize(1);
    }

    @Test
    void defaultsAreBetterAuths() {
        UsernameOptions options = ((UsernamePlugin) factory.create(Map.of())).options();
        assertThat(options.minUsernameLength()).isEqualTo(3);
        assertThat(options.maxUsernameLength()).isEqualTo(30);
        assertThat(options.usernameValidator().test("a.b_C9")).isTrue();
        assertThat(options.usernameValidator().test("a-b")).isFalse();
        assertThat(options.usernameNormalization().apply("AbC")).isEqualTo("abc");
    }

    @Test
    void refusesTyposAndBadPatterns() {
        assertThatThrownBy(() -> factory.create(Map.of("minUsernameLenght", 3))).hasMessageContaining("minUsernameLenght");
        assertThatThrownBy(() -> factory.create(Map.of("usernameValidator", "[a-"))).hasMessageContaining("usernameValidator");
    }
}
