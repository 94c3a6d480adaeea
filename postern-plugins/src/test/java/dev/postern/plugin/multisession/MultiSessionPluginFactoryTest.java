package dev.postern.plugin.multisession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiSessionPluginFactoryTest {
    private final MultiSessionPluginFactory factory = new MultiSessionPluginFactory();

    @Test
    void readsMaximumSessions() {
        assertThat(((MultiSessionPlugin) factory.create(Map.of("maximumSessions", 3))).options().maximumSessions()).isEqualTo(3);
        assertThat(((MultiSessionPlugin) factory.create(Map.of())).options().maximumSessions()).isEqualTo(5);
        assertThatThrownBy(() -> factory.create(Map.of("maximumSessions", 0))).hasMessageContaining("maximumSessions");
        assertThatThrownBy(() -> factory.create(Map.of("maxSessions", 3))).hasMessageContaining("maxSessions");
    }
}
