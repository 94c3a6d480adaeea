package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HmacTest {

    @Test
    void rfc4231TestCase1BinaryKey() {
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        assertThat(HexFormat.of().formatHex(Hmac.sha256(key, "Hi There".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void rfc4231TestCase2KeyIsTheSecretsUtf8() {
        assertThat(HexFormat.of().formatHex(Hmac.sha256(Secret.of("Jefe"), "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signIsUnpaddedBase64Url() {
        assertThat(Hmac.sign(Secret.of("Jefe"), "what do ya want for nothing?"))
                .isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM");
    }

    @Test
    void verifyAcceptsEitherBase64AlphabetWithOrWithoutPadding() {
        Secret secret = Secret.of("s3cret");
        byte[] mac = Hmac.sha256(secret, "message");
        assertThat(Hmac.verify(secret, "message", Base64.getUrlEncoder().withoutPadding().encodeToString(mac))).isTrue();
        assertThat(Hmac.verify(secret, "message", Base64.getUrlEncoder().encodeToString(mac))).isTrue();
        assertThat(Hmac.verify(secret, "message", Base64.getEncoder().encodeToString(mac))).isTrue();
        assertThat(Hmac.verify(secret, "message", Base64.getEncoder().withoutPadding().encodeToString(mac))).isTrue();
    }

    @Test
    void verifyRejectsAnotherMessageSecretOrGarbage() {
        Secret secret = Secret.of("s3cret");
        String signature = Hmac.sign(secret, "message");
        assertThat(Hmac.verify(secret, "messagE", signature)).isFalse();
        assertThat(Hmac.verify(Secret.of("other"), "message", signature)).isFalse();
        assertThat(Hmac.verify(secret, "message", "not base64!")).isFalse();
        assertThat(Hmac.verify(secret, "message", "")).isFalse();
        assertThat(Hmac.verify(secret, "message", signature.substring(0, 20))).isFalse();
    }
}
