package dev.postern.plugin.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class OpenApiPluginFactoryTest {

    @Test
    void serverFindsThePluginByBetterAuthsId() {
        assertThat(ServiceLoader.load(PluginFactory.class).stream().map(p -> p.get().id())).contains("open-api");
    }

    @Test
    void pathOptionMovesTheReferencePage() {
        OpenApiPlugin plugin = (OpenApiPlugin) new OpenApiPluginFactory().create(Map.of("path", "/docs"));

        assertThat(plugin.endpoints()).extracting(e -> e.path()).contains("/docs", "/docs/assets/:file");
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> new OpenApiPluginFactory().create(Map.of("theme", "dark")))
                .hasMessageContaining("theme");
    }
}
