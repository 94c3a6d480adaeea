package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretStrengthTest {

    @Test
    void aRandom43CharacterSecretIsStrong() {
        assertThat(SecretStrength.weaknesses(Secret.of("q3X9vT1-bN8_pLkM2zR7wYc4HdF6sJ0aUe5GiOnQtVx"))).isEmpty();
    }

    @Test
    void betterAuthWarnsAboutSecretsUnder32Characters() {
        assertThat(SecretStrength.weaknesses(Secret.of("Kp3-x9Qz")))
                .containsExactly("is shorter than 32 characters",
                        "looks low-entropy (too few distinct characters for its length)");
    }

    @Test
    void betterAuthWarnsAboutLowEntropyEvenWhenLongEnough() {
        assertThat(SecretStrength.weaknesses(Secret.of("ab".repeat(40))))
                .containsExactly("looks low-entropy (too few distinct characters for its length)");
    }

    @Test
    void entropyIsBetterAuthsLengthTimesLog2OfDistinctCharacters() {
        assertThat(SecretStrength.estimatedEntropyBits("")).isZero();
        assertThat(SecretStrength.estimatedEntropyBits("aaaa")).isZero();
        assertThat(SecretStrength.estimatedEntropyBits("abcd")).isCloseTo(8.0, within(1e-9));
        // 32 hex digits, all 16 used: exactly better-auth's 120-bit floor is passed (128 bits).
        assertThat(SecretStrength.estimatedEntropyBits("0123456789abcdef".repeat(2))).isCloseTo(128.0, within(1e-9));
    }

    @Test
    void onlyTheCurrentSecretOfARingIsJudged() {
        SecretRing weakOld = SecretRing.versioned(
                SecretRing.parse("2:q3X9vT1-bN8_pLkM2zR7wYc4HdF6sJ0aUe5GiOnQtVx,1:short"), Optional.empty());
        SecretRing weakCurrent = SecretRing.versioned(
                SecretRing.parse("2:short,1:q3X9vT1-bN8_pLkM2zR7wYc4HdF6sJ0aUe5GiOnQtVx"), Optional.empty());

        assertThat(SecretStrength.warnIfWeak(weakOld)).isFalse();
        assertThat(SecretStrength.warnIfWeak(weakCurrent)).isTrue();
    }
}
