package dev.postern.plugin.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.plugin.PluginFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ApiKeyPluginFactoryTest {

    @Test
    void serverFindsThePluginByBetterAuthsId() {
        assertThat(ServiceLoader.load(PluginFactory.class).stream().map(p -> p.get().id())).contains("api-key");
    }

    @Test
    void defaultsAreBetterAuths() {
        ApiKeyOptions options = ((ApiKeyPlugin) new ApiKeyPluginFactory().create(Map.of())).options();

        assertThat(options).isEqualTo(ApiKeyOptions.defaults());
    }

    @Test
    void betterAuthsOptionNamesAreRead() {
        ApiKeyOptions options = ((ApiKeyPlugin) new ApiKeyPluginFactory().create(Map.of(
                "apiKeyHeaders", List.of("x-api-key", "x-service-key"),
                "defaultPrefix", "pk_",
                "enableMetadata", true,
                "enableSessionForAPIKeys", true,
                "storage", "secondary-storage",
                "fallbackToDatabase", true,
                "rateLimit", Map.of("enabled", false, "timeWindow", 1000, "maxRequests", 5),
                "keyExpiration", Map.of("defaultExpiresIn", 86_400, "minExpiresIn", 0, "maxExpiresIn", 30),
                "startingCharactersConfig", Map.of("charactersLength", 8),
                "permissions", Map.of("defaultPermissions", Map.of("files", List.of("read")))))).options();

        assertThat(options.apiKeyHeaders()).containsExactly("x-api-key", "x-service-key");
        assertThat(options.defaultPrefix()).isEqualTo("pk_");
        assertThat(options.enableMetadata()).isTrue();
        assertThat(options.enableSessionForAPIKeys()).isTrue();
        assertThat(options.storage()).isEqualTo(ApiKeyOptions.Storage.SECONDARY_STORAGE);
        assertThat(options.fallbackToDatabase()).isTrue();
        assertThat(options.rateLimit()).isEqualTo(new ApiKeyOptions.RateLimit(false, 1000, 5));
        assertThat(options.keyExpiration()).isEqualTo(new ApiKeyOptions.KeyExpiration(86_400L, false, 0, 30));
        assertThat(options.startingCharacters().charactersLength()).isEqualTo(8);
        assertThat(options.defaultPermissions()).isEqualTo(Map.of("files", List.of("read")));
    }

    @Test
    void unknownOptionIsRefused() {
        assertThatThrownBy(() -> new ApiKeyPluginFactory().create(Map.of("rateLimit", Map.of("max", 3))))
                .hasMessageContaining("rateLimit.max");
        assertThatThrownBy(() -> new ApiKeyPluginFactory().create(Map.of("storage", "redis")))
                .hasMessageContaining("storage");
    }
}
