package dev.postern.plugin.bearer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BearerPluginFactoryTest {

    @Test
    void serverFindsThePluginByBetterAuthsId() {
        assertThat(ServiceLoader.load(PluginFactory.class).stream().map(p -> p.get().id())).contains("bearer");
    }

    @Test
    void requireSignatureOptionIsRead() {
        assertThat(new BearerPluginFactory().create(Map.of("requireSignature", true)))
                .isInstanceOf(BearerPlugin.class);
        assertThat(new BearerPluginFactory().create(Map.of()).id()).isEqualTo("bearer");
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> new BearerPluginFactory().create(Map.of("requireSignatures", true)))
                .hasMessageContaining("requireSignatures");
    }
}
