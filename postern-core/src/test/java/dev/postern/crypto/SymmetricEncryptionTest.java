package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SymmetricEncryptionTest {
    private static final String OLD = "old-secret-0123456789abcdefghijklmnop";
    private static final String NEW = "new-secret-0123456789abcdefghijklmnop";

    private static SymmetricEncryption single(String secret) {
        return new SymmetricEncryption(SecretRing.of(Secret.of(secret)));
    }

    private static SymmetricEncryption ring(String spec) {
        return new SymmetricEncryption(SecretRing.versioned(SecretRing.parse(spec), Optional.empty()));
    }

    private static SymmetricEncryption ring(String spec, String legacy) {
        return new SymmetricEncryption(SecretRing.versioned(SecretRing.parse(spec), Optional.of(Secret.of(legacy))));
    }

    @Test
    void singleSecretWritesLowercaseHexOfNonceCiphertextAndTag() {
        String encrypted = single(OLD).encrypt("JBSWY3DPEHPK3PXP");

        assertThat(encrypted).matches("[0-9a-f]+").hasSize(2 * (24 + "JBSWY3DPEHPK3PXP".length() + 16));
        assertThat(single(OLD).decrypt(encrypted)).contains("JBSWY3DPEHPK3PXP");
    }

    @Test
    void eachEncryptionUsesAFreshNonce() {
        assertThat(single(OLD).encrypt("same")).isNotEqualTo(single(OLD).encrypt("same"));
    }

    @Test
    void textIsUtf8AsTextEncoderWritesIt() {
        assertThat(single(OLD).decrypt(single(OLD).encrypt("zoë 😀"))).contains("zoë 😀");
    }

    @Test
    void versionedRingWritesBetterAuthsEnvelopeWithTheCurrentVersion() {
        String encrypted = ring("2:" + NEW + ",1:" + OLD).encrypt("backup-codes");

        assertThat(encrypted).matches("\\$ba\\$2\\$[0-9a-f]+");
        assertThat(single(NEW).decrypt(encrypted.substring("$ba$2$".length()))).contains("backup-codes");
    }

    @Test
    void anEnvelopeOfAnOlderVersionStillDecryptsAfterRotation() {
        String beforeRotation = ring("1:" + OLD).encrypt("totp-secret");

        assertThat(ring("2:" + NEW + ",1:" + OLD).decrypt(beforeRotation)).contains("totp-secret");
    }

    @Test
    void anEnvelopeOfARetiredVersionNoLongerDecrypts() {
        String beforeRotation = ring("1:" + OLD).encrypt("totp-secret");

        assertThat(ring("2:" + NEW).decrypt(beforeRotation)).isEmpty();
    }

    @Test
    void anEnvelopeIsDecryptedWithTheSecretOfItsVersionOnly() {
        String underVersion1 = ring("1:" + OLD).encrypt("x");
        String relabelled = "$ba$2$" + underVersion1.substring("$ba$1$".length());

        assertThat(ring("2:" + NEW + ",1:" + OLD).decrypt(relabelled)).isEmpty();
    }

    @Test
    void bareHexWrittenWithTheSingleSecretDecryptsWithTheLegacySecret() {
        String beforeVersions = single(OLD).encrypt("oauth-token");

        assertThat(ring("2:" + NEW, OLD).decrypt(beforeVersions)).contains("oauth-token");
        assertThat(ring("2:" + NEW, "some-other-legacy").decrypt(beforeVersions)).isEmpty();
    }

    @Test
    void withoutALegacySecretBareHexIsTriedWithEverySecretOfTheRing() {
        String beforeVersions = single(OLD).encrypt("oauth-token");

        assertThat(ring("2:" + NEW + ",1:" + OLD).decrypt(beforeVersions)).contains("oauth-token");
        assertThat(ring("2:" + NEW).decrypt(beforeVersions)).isEmpty();
    }

    @Test
    void aSingleSecretCannotReadAnEnvelope() {
        assertThat(single(OLD).decrypt(ring("1:" + OLD).encrypt("x"))).isEmpty();
    }

    @Test
    void alteredTruncatedOrMalformedCiphertextDecryptsToNothing() {
        String encrypted = single(OLD).encrypt("secret");
        String flipped = encrypted.substring(0, 60) + (encrypted.charAt(60) == '0' ? '1' : '0') + encrypted.substring(61);

        assertThat(single(OLD).decrypt(flipped)).isEmpty();
        assertThat(single(OLD).decrypt(encrypted.substring(0, encrypted.length() - 2))).isEmpty();
        assertThat(single(OLD).decrypt("00".repeat(39))).isEmpty();
        assertThat(single(OLD).decrypt("not hex")).isEmpty();
        assertThat(single(OLD).decrypt("abc")).isEmpty();
        assertThat(ring("1:" + OLD).decrypt("$ba$1")).isEmpty();
        assertThat(ring("1:" + OLD).decrypt("$ba$x$00")).isEmpty();
        assertThat(ring("1:" + OLD).decrypt("$ba$99999999999$00")).isEmpty();
        assertThat(single(NEW).decrypt(encrypted)).isEmpty();
    }

    @Test
    void purposeKeysSeparateOnePurposeFromAnotherAndKeepVersions() {
        SecretRing ring = SecretRing.versioned(SecretRing.parse("2:" + NEW + ",1:" + OLD), Optional.empty());
        SymmetricEncryption state = SymmetricEncryption.forPurpose(ring, PurposeKeys.OAUTH_STATE_COOKIE);
        SymmetricEncryption link = SymmetricEncryption.forPurpose(ring, PurposeKeys.OAUTH_LINK_SESSION_TOKEN);

        String encrypted = state.encrypt("{\"state\":1}");

        assertThat(encrypted).startsWith("$ba$2$");
        assertThat(state.decrypt(encrypted)).contains("{\"state\":1}");
        assertThat(link.decrypt(encrypted)).isEmpty();
        assertThat(new SymmetricEncryption(ring).decrypt(encrypted)).isEmpty();
    }

    @Test
    void aPurposeSecretIsSixtyFourHexDigits() {
        Secret derived = PurposeKeys.derive(Secret.of(OLD), PurposeKeys.OAUTH_STATE_COOKIE);

        assertThat(new String(derived.bytes(), java.nio.charset.StandardCharsets.US_ASCII)).matches("[0-9a-f]{64}");
    }
}
