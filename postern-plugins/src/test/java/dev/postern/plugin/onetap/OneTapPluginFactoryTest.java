package dev.postern.plugin.onetap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class OneTapPluginFactoryTest {

    @Test
    void serverFindsThePluginByBetterAuthsId() {
        assertThat(ServiceLoader.load(PluginFactory.class).stream().map(p -> p.get().id())).contains("one-tap");
    }

    @Test
    void optionsAndDefaults() {
        OneTapOptions set = ((OneTapPlugin) new OneTapPluginFactory().create(Map.of("clientId", List.of("a", "b"),
                "disableSignup", true, "jwksUrl", "http://127.0.0.1:9/certs"))).options();
        OneTapOptions defaults = ((OneTapPlugin) new OneTapPluginFactory().create(Map.of("clientId", "a"))).options();

        assertThat(set.clientId()).containsExactly("a", "b");
        assertThat(set.disableSignup()).isTrue();
        assertThat(set.jwksUrl()).isEqualTo(URI.create("http://127.0.0.1:9/certs"));
        assertThat(defaults.clientId()).containsExactly("a");
        assertThat(defaults.disableSignup()).isFalse();
        assertThat(defaults.jwksUrl()).isEqualTo(URI.create("https://www.googleapis.com/oauth2/v3/certs"));
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> new OneTapPluginFactory().create(Map.of("disableSignUp", true)))
                .hasMessageContaining("disableSignUp");
    }
}
