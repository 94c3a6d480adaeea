package dev.postern.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code secondaryStorage.url} in postern.yaml and {@code POSTERN_REDIS_URL}, which wins, as every setting. */
class RedisSettingsTest {
    @TempDir
    Path dir;

    private ServerSettings load(Map<String, String> env) {
        return new SettingsLoader(env, dir, List.of()).load(Optional.empty());
    }

    @Test
    void yamlSecondaryStorageUrlIsReadAndPrintsMasked() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), """
                secondaryStorage:
                  url: rediss://:pw-in-yaml@cache.example.com:6380/1
                """);

        ServerSettings settings = load(Map.of());

        assertThat(settings.engine().redis()).hasValueSatisfying(url -> {
            assertThat(url.nodes().getFirst().getHost()).isEqualTo("cache.example.com");
            assertThat(url.nodes().getFirst().isSsl()).isTrue();
            assertThat(url.toString()).isEqualTo("rediss://:***@cache.example.com:6380/1");
        });
        assertThat(settings.engine().toString()).doesNotContain("pw-in-yaml");
    }

    @Test
    void environmentWinsOverTheFileAndNothingConfiguredMeansNoRedis() throws IOException {
        assertThat(load(Map.of()).engine().redis()).isEmpty();
        Files.writeString(dir.resolve("postern.yaml"), "secondaryStorage:\n  url: redis://file-host:6379\n");

        ServerSettings settings = load(Map.of("POSTERN_REDIS_URL", "redis-cluster://n1:7000,n2:7001"));

        assertThat(settings.engine().redis()).hasValueSatisfying(url -> assertThat(url.cluster()).isTrue());
    }

    @Test
    void aBadUrlInTheFileNamesTheFileKey() throws IOException {
        Files.writeString(dir.resolve("postern.yaml"), "secondaryStorage:\n  url: memcached://cache:11211\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("secondaryStorage.url (postern.yaml): not a Redis URL: memcached://cache:11211");
    }
}
