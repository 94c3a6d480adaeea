package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretRingTest {

    @Test
    void firstEntryOfPosternSecretsIsCurrentAndEveryVersionIsKept() {
        SecretRing ring = SecretRing.versioned(SecretRing.parse("2:new-secret,1:old-secret"), Optional.empty());

        assertThat(ring.current()).isEqualTo(Secret.of("new-secret"));
        assertThat(ring.currentVersion()).hasValue(2);
        assertThat(ring.version(1)).contains(Secret.of("old-secret"));
        assertThat(ring.version(3)).isEmpty();
        assertThat(ring.all()).containsExactly(Secret.of("new-secret"), Secret.of("old-secret"));
    }

    @Test
    void spacesAroundEntriesAndValuesAreIgnoredAndASecretMayContainAColon() {
        List<VersionedSecret> parsed = SecretRing.parse(" 10 : a:b:c , 0:zero ");

        assertThat(parsed).containsExactly(VersionedSecret.of(10, "a:b:c"), VersionedSecret.of(0, "zero"));
    }

    @Test
    void versionZeroIsAcceptedAsBetterAuthAcceptsIt() {
        assertThat(SecretRing.parse("0:only").getFirst().version()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "''                                  | must not be empty",
            "'   '                               | must not be empty",
            "2:hunter2-secret,,1:old-hunter2     | entry 2 is empty",
            "2:hunter2-secret,                   | entry 2 is empty",
            "hunter2-secret                      | entry 1 has no ':'",
            "hunter2-secret:2                    | entry 1: the version before ':' must be a non-negative whole number",
            "-1:hunter2-secret                   | entry 1: the version before ':' must be a non-negative whole number",
            "2x:hunter2-secret                   | entry 1: the version before ':' must be a non-negative whole number",
            ":hunter2-secret                     | entry 1: the version before ':' must be a non-negative whole number",
            "99999999999:hunter2-secret          | entry 1: the version is too large",
            "2:hunter2-secret,1:                 | entry 2 (version 1) has an empty secret",
    })
    void malformedSecretsAreRefusedNamingTheEntryButNeverTheSecret(String spec, String problem) {
        assertThatThrownBy(() -> SecretRing.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("secrets: ")
                .hasMessageContaining(problem)
                .message().doesNotContain("hunter2");
    }

    @Test
    void aRepeatedVersionIsRefusedWithoutShowingTheSecrets() {
        assertThatThrownBy(() -> SecretRing.versioned(SecretRing.parse("2:hunter2-a,2:hunter2-b"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("secrets: version 2 appears twice; each version must be unique");
    }

    @Test
    void aVersionedRingNeedsAtLeastOneEntry() {
        assertThatThrownBy(() -> SecretRing.versioned(List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSingleSecretIsAnUnversionedLegacyRing() {
        SecretRing ring = SecretRing.of(Secret.of("only"));

        assertThat(ring.isVersioned()).isFalse();
        assertThat(ring.currentVersion()).isEmpty();
        assertThat(ring.current()).isEqualTo(Secret.of("only"));
        assertThat(ring.legacy()).contains(Secret.of("only"));
        assertThat(ring.all()).containsExactly(Secret.of("only"));
    }

    @Test
    void theLegacySecretComesLastAndOnlyOnceWhenItIsAlsoAVersion() {
        SecretRing ring = SecretRing.versioned(SecretRing.parse("2:b,1:a"), Optional.of(Secret.of("a")));
        SecretRing withOtherLegacy = SecretRing.versioned(SecretRing.parse("2:b,1:a"), Optional.of(Secret.of("z")));

        assertThat(ring.all()).containsExactly(Secret.of("b"), Secret.of("a"));
        assertThat(withOtherLegacy.all()).containsExactly(Secret.of("b"), Secret.of("a"), Secret.of("z"));
        assertThat(ring.current()).isEqualTo(Secret.of("b"));
    }

    @Test
    void toStringShowsVersionsButNoSecret() {
        SecretRing ring = SecretRing.versioned(SecretRing.parse("2:hunter2-b,1:hunter2-a"), Optional.of(Secret.of("hunter2")));

        assertThat(ring.toString()).isEqualTo("SecretRing[versions=[2, 1], legacy=true]");
        assertThat(VersionedSecret.of(2, "hunter2").toString()).doesNotContain("hunter2");
    }
}
