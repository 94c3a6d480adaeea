package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void toStringNeverShowsTheSecret() {
        Secret secret = Secret.of("super-secret-value");
        assertThat(secret.toString()).doesNotContain("super").doesNotContain("secret-value");
        assertThat("" + secret).isEqualTo("Secret[******]");
    }

    @Test
    void keyBytesAreJavaScriptUtf8WithLoneSurrogatesAsReplacementCharacter() {
        assertThat(Secret.of("é").bytes()).containsExactly(0xC3, 0xA9);
        assertThat(Secret.of("a\uD800").bytes()).containsExactly('a', 0xEF, 0xBF, 0xBD);
    }

    @Test
    void bytesAreACopy() {
        Secret secret = Secret.of("abc");
        secret.bytes()[0] = 'x';
        assertThat(secret.bytes()).containsExactly('a', 'b', 'c');
    }

    @Test
    void emptySecretIsRejected() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsAreEqualByValue() {
        assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).isNotEqualTo(Secret.of("abd"));
    }
}
