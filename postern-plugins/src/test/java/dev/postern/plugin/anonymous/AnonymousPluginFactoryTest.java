package dev.postern.plugin.anonymous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnonymousPluginFactoryTest {
    private final AnonymousPluginFactory factory = new AnonymousPluginFactory();

    @Test
    void readsBetterAuthOptionNames() {
        AnonymousOptions options = ((AnonymousPlugin) factory.create(
                Map.of("emailDomainName", "example.com", "disableDeleteAnonymousUser", true))).options();
        assertThat(options.emailDomainName()).isEqualTo("example.com");
        assertThat(options.disableDeleteAnonymousUser()).isTrue();
        assertThat(((AnonymousPlugin) factory.create(Map.of())).options().disableDeleteAnonymousUser()).isFalse();
    }

    @Test
    void functionsCannotComeFromYaml() {
        assertThatThrownBy(() -> factory.create(Map.of("onLinkAccount", "x"))).hasMessageContaining("onLinkAccount");
    }
}
