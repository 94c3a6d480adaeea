package dev.postern.plugin.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code plugins: { jwt: {...} }} in postern.yaml, with better-auth's option names. */
class JwtPluginFactoryTest {
    private final JwtPluginFactory factory = new JwtPluginFactory();

    @Test
    void emptySectionGivesBetterAuthsDefaults() {
        JwtOptions options = ((JwtPlugin) factory.create(Map.of())).options();
        assertThat(options.keyPairConfig()).isEqualTo(KeyPairConfig.defaults());
        assertThat(options.jwksPath()).isEqualTo("/jwks");
        assertThat(options.expirationTime()).isEqualTo("15m");
        assertThat(options.gracePeriod()).isEqualTo(Duration.ofDays(30));
        assertThat(options.rotationInterval()).isEmpty();
        assertThat(options.issuer()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        JwtOptions options = ((JwtPlugin) factory.create(Map.of(
                "jwks", Map.of("jwksPath", "/keys", "keyPairConfig", Map.of("alg", "PS256", "modulusLength", 4096),
                        "rotationInterval", 86400, "gracePeriod", 3600, "disablePrivateKeyEncryption", true,
                        "keyCacheTtl", 5),
                "jwt", Map.of("issuer", "https://a.example", "audience", "https://b.example", "expirationTime", "1h"),
                "disableSettingJwtHeader", true))).options();
        assertThat(options.keyPairConfig()).isEqualTo(new KeyPairConfig(JwtAlgorithm.PS256, Optional.empty(), 4096));
        assertThat(options.jwksPath()).isEqualTo("/keys");
        assertThat(options.rotationInterval()).contains(Duration.ofDays(1));
        assertThat(options.gracePeriod()).isEqualTo(Duration.ofHours(1));
        assertThat(options.keyCacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.disablePrivateKeyEncryption()).isTrue();
        assertThat(options.issuer()).contains("https://a.example");
        assertThat(options.audience()).containsExactly("https://b.example");
        assertThat(options.expirationTime()).isEqualTo("1h");
        assertThat(options.disableSettingJwtHeader()).isTrue();
    }

    @Test
    void refusesBadOptions() {
        assertThatThrownBy(() -> factory.create(Map.of("jwks", Map.of("keyPairConfig", Map.of("alg", "HS256")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EdDSA, ES256");
        assertThatThrownBy(() -> factory.create(Map.of("jwks", Map.of("jwksPath", "keys"))))
                .hasMessageContaining("jwksPath");
        assertThatThrownBy(() -> factory.create(Map.of("jwt", Map.of("expirationTime", "soon"))))
                .hasMessageContaining("Invalid time string");
        assertThatThrownBy(() -> factory.create(Map.of("jwks", Map.of("rotation", 5))))
                .hasMessageContaining("rotation");
    }
}
