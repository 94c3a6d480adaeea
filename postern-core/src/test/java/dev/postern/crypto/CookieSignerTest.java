package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CookieSignerTest {
    private final CookieSigner signer = new CookieSigner(Secret.of("better-auth-secret-12345678901234567890"));

    @Test
    void signedValueIsUriEncodedValueDotPaddedStandardBase64Hmac() {
        String signed = signer.sign("bofFpMgPjXwV8bvGXh1haRXiHuSbSu2C");
        String decoded = UriComponent.decode(signed).orElseThrow();
        String signature = decoded.substring(decoded.lastIndexOf('.') + 1);
        assertThat(decoded).startsWith("bofFpMgPjXwV8bvGXh1haRXiHuSbSu2C.");
        assertThat(signature).hasSize(44).endsWith("=");
        assertThat(signature).isEqualTo(Encodings.base64(
                Hmac.sha256(Secret.of("better-auth-secret-12345678901234567890"), "bofFpMgPjXwV8bvGXh1haRXiHuSbSu2C")));
    }

    @Test
    void verifyReturnsTheValueForItsOwnSignatureEncodedOrNot() {
        String signed = signer.sign("true");
        assertThat(signer.verify(signed)).contains("true");
        assertThat(signer.verify(UriComponent.decode(signed).orElseThrow())).contains("true");
    }

    @Test
    void signatureIsTakenAfterTheLastDot() {
        assertThat(signer.verify(signer.sign("a.b.c"))).contains("a.b.c");
    }

    @Test
    void tamperedValueOrOtherSecretDoesNotVerify() {
        String signed = signer.sign("token");
        assertThat(signer.verify("tokeN" + signed.substring(5))).isEmpty();
        assertThat(new CookieSigner(Secret.of("another secret")).verify(signed)).isEmpty();
    }

    @Test
    void unsignedShapesAreTreatedAsAbsent() {
        String signature = UriComponent.decode(signer.sign("v")).orElseThrow().substring(2);
        assertThat(signer.verify("plain")).isEmpty(); // no dot
        assertThat(signer.verify("." + signature)).isEmpty(); // nothing before the dot
        assertThat(signer.verify("v." + signature.substring(1))).isEmpty(); // 43 characters
        assertThat(signer.verify("v." + signature.replace("=", "A"))).isEmpty(); // not ending in '='
        assertThat(signer.verify("v." + "!".repeat(43) + "=")).isEmpty(); // not base64
    }
}
