package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * better-auth's {@code symmetricEncrypt}/{@code symmetricDecrypt} (wire reference §10) against
 * Postern's {@link SymmetricEncryption}, both ways: a single secret (bare hex), versioned secrets as
 * better-auth parses {@code BETTER_AUTH_SECRETS} (the {@code $ba$<version>$} envelope), the legacy
 * fallback for bare hex, and 1.7.25's purpose keys.
 */
class SymmetricEncryptionInteropTest {
    private static final String A = "interop-secret-a-0123456789abcdefghijkl";
    private static final String B = "interop-secret-b-0123456789abcdefghijkl";
    private static final String LEGACY = "interop-legacy-secret-0123456789abcdef";
    private static final List<String> PLAINTEXTS = List.of("JBSWY3DPEHPK3PXP", "", "zoë 😀 \u0000 </script>",
            "{\"codes\":[\"a1b2c-d3e4f\"]}", "x".repeat(5000));

    private static SecretRing ring(String spec, String legacy) {
        return SecretRing.versioned(SecretRing.parse(spec),
                Optional.ofNullable(legacy).map(Secret::of));
    }

    /** better-auth's key: {@code {secrets, legacySecret}} is turned into its SecretConfig by better-auth itself. */
    private static Map<String, Object> versionedKey(String spec, String legacy) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("secrets", spec);
        if (legacy != null) {
            key.put("legacySecret", legacy);
        }
        return key;
    }

    private static List<String> betterAuthEncrypts(Object key, String purpose) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("key", key, "plaintexts", PLAINTEXTS));
        if (purpose != null) {
            input.put("purpose", purpose);
        }
        List<String> out = new ArrayList<>();
        BetterAuthNode.require().call("symmetricEncrypt", input).forEach(node -> out.add(node.stringValue()));
        return out;
    }

    private static List<String> betterAuthDecrypts(Object key, String purpose, List<String> ciphertexts) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("key", key, "ciphertexts", ciphertexts));
        if (purpose != null) {
            input.put("purpose", purpose);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode node : BetterAuthNode.require().call("symmetricDecrypt", input)) {
            out.add(node.isNull() ? null : node.stringValue());
        }
        return out;
    }

    private static List<String> encryptAll(SymmetricEncryption encryption) {
        return PLAINTEXTS.stream().map(encryption::encrypt).toList();
    }

    private static List<String> decryptAll(SymmetricEncryption encryption, List<String> ciphertexts) {
        return ciphertexts.stream().map(c -> encryption.decrypt(c).orElse(null)).toList();
    }

    @Test
    void singleSecretCiphertextCrossesBothWays() {
        SymmetricEncryption postern = new SymmetricEncryption(SecretRing.of(Secret.of(A)));

        List<String> fromBetterAuth = betterAuthEncrypts(A, null);
        assertThat(fromBetterAuth).allMatch(c -> c.matches("[0-9a-f]+"));
        assertThat(decryptAll(postern, fromBetterAuth)).isEqualTo(PLAINTEXTS);
        assertThat(betterAuthDecrypts(A, null, encryptAll(postern))).isEqualTo(PLAINTEXTS);
    }

    @Test
    void versionedEnvelopeOfTheCurrentSecretCrossesBothWays() {
        SymmetricEncryption postern = new SymmetricEncryption(ring("2:" + B + ",1:" + A, LEGACY));
        Map<String, Object> key = versionedKey("2:" + B + ",1:" + A, LEGACY);

        List<String> fromBetterAuth = betterAuthEncrypts(key, null);
        List<String> fromPostern = encryptAll(postern);

        assertThat(fromBetterAuth).allMatch(c -> c.startsWith("$ba$2$"));
        assertThat(fromPostern).allMatch(c -> c.startsWith("$ba$2$"));
        assertThat(decryptAll(postern, fromBetterAuth)).isEqualTo(PLAINTEXTS);
        assertThat(betterAuthDecrypts(key, null, fromPostern)).isEqualTo(PLAINTEXTS);
    }

    @Test
    void envelopeOfAnOlderVersionIsReadByTheRotatedRingOfEither() {
        List<String> fromBetterAuthBefore = betterAuthEncrypts(versionedKey("1:" + A, null), null);
        List<String> fromPosternBefore = encryptAll(new SymmetricEncryption(ring("1:" + A, null)));

        assertThat(decryptAll(new SymmetricEncryption(ring("2:" + B + ",1:" + A, null)), fromBetterAuthBefore))
                .isEqualTo(PLAINTEXTS);
        assertThat(betterAuthDecrypts(versionedKey("2:" + B + ",1:" + A, null), null, fromPosternBefore))
                .isEqualTo(PLAINTEXTS);
        // Retired: neither reads version 1 once it has left the ring.
        assertThat(betterAuthDecrypts(versionedKey("2:" + B, null), null, fromPosternBefore)).containsOnlyNulls();
        assertThat(decryptAll(new SymmetricEncryption(ring("2:" + B, null)), fromBetterAuthBefore)).containsOnlyNulls();
    }

    @Test
    void bareHexFromBeforeVersionsFallsBackToTheLegacySecretInBoth() {
        List<String> fromBetterAuthLegacy = betterAuthEncrypts(LEGACY, null);
        List<String> fromPosternLegacy = encryptAll(new SymmetricEncryption(SecretRing.of(Secret.of(LEGACY))));

        assertThat(decryptAll(new SymmetricEncryption(ring("2:" + B, LEGACY)), fromBetterAuthLegacy)).isEqualTo(PLAINTEXTS);
        assertThat(betterAuthDecrypts(versionedKey("2:" + B, LEGACY), null, fromPosternLegacy)).isEqualTo(PLAINTEXTS);
    }

    @Test
    void purposeKeysAreDerivedAsBetterAuthDerivesThem() {
        String derived = BetterAuthNode.require().call("derivePurposeKey",
                Map.of("secret", A, "purpose", PurposeKeys.OAUTH_STATE_COOKIE)).stringValue();

        assertThat(new String(PurposeKeys.derive(Secret.of(A), PurposeKeys.OAUTH_STATE_COOKIE).bytes(),
                StandardCharsets.US_ASCII)).isEqualTo(derived);
    }

    @Test
    void purposeKeyCiphertextOfAVersionedRingCrossesBothWays() {
        String purpose = PurposeKeys.OAUTH_STATE_COOKIE;
        Map<String, Object> key = versionedKey("2:" + B + ",1:" + A, LEGACY);
        SymmetricEncryption postern = SymmetricEncryption.forPurpose(ring("2:" + B + ",1:" + A, LEGACY), purpose);

        List<String> fromBetterAuth = betterAuthEncrypts(key, purpose);

        assertThat(fromBetterAuth).allMatch(c -> c.startsWith("$ba$2$"));
        assertThat(decryptAll(postern, fromBetterAuth)).isEqualTo(PLAINTEXTS);
        assertThat(betterAuthDecrypts(key, purpose, encryptAll(postern))).isEqualTo(PLAINTEXTS);
        assertThat(betterAuthDecrypts(key, PurposeKeys.OAUTH_LINK_SESSION_TOKEN, encryptAll(postern))).containsOnlyNulls();
    }
}
