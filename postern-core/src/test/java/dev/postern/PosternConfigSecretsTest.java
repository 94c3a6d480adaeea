package dev.postern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.crypto.Secret;
import dev.postern.crypto.VersionedSecret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code secret} and {@code secrets} combine as better-auth's {@code secret} and {@code secrets} do. */
class PosternConfigSecretsTest {
    private static final String OLD = "old-secret-0123456789abcdefghijklmnop";
    private static final String NEW = "new-secret-0123456789abcdefghijklmnop";

    private static PosternConfig.Builder builder() {
        return PosternConfig.builder().database(NoStore.PROVIDER);
    }

    @Test
    void aSingleSecretIsAnUnversionedRingOfThatSecret() {
        PosternConfig config = builder().secret(OLD).build();

        assertThat(config.secret()).isEqualTo(OLD);
        assertThat(config.secrets().isVersioned()).isFalse();
        assertThat(config.secrets().all()).containsExactly(Secret.of(OLD));
    }

    @Test
    void theFirstOfTheVersionedSecretsIsCurrent() {
        PosternConfig config = builder().secrets("2:" + NEW + ",1:" + OLD).build();

        assertThat(config.secret()).isEqualTo(NEW);
        assertThat(config.secrets().currentVersion()).hasValue(2);
        assertThat(config.secrets().legacy()).isEmpty();
    }

    @Test
    void withBothTheVersionedSecretsWinAndTheSingleSecretBecomesTheLegacySecret() {
        PosternConfig config = builder().secret(OLD).secrets(List.of(VersionedSecret.of(2, NEW))).build();

        assertThat(config.secret()).isEqualTo(NEW);
        assertThat(config.secrets().legacy()).contains(Secret.of(OLD));
        assertThat(config.secrets().all()).containsExactly(Secret.of(NEW), Secret.of(OLD));
    }

    @Test
    void neitherSecretNorSecretsIsRefusedNamingBoth() {
        assertThatThrownBy(() -> builder().build())
                .hasMessageContaining(".secret(...)")
                .hasMessageContaining(".secrets(");
    }

    @Test
    void malformedSecretsAreRefusedWhenSet() {
        assertThatThrownBy(() -> builder().secrets("2:" + NEW + ",2:" + OLD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(NEW);
    }
}
