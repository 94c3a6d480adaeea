package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();

    @Test
    void rfc9106Section5_3Argon2idTestVector() {
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] ad = filled(12, 0x04);
        byte[] tag = Argon2idPasswordHasher.derive(password, salt, new Argon2idParameters(32, 3, 4), 32, secret, ad);
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void hashIsAPhcStringWithOwaspParameters() {
        assertThat(hasher.hash("pw")).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verifyAcceptsTheRightPasswordAndRejectsAnother() {
        String hash = hasher.hash("correct horse");
        assertThat(hasher.verify(hash, "correct horse")).isTrue();
        assertThat(hasher.verify(hash, "correct hors")).isFalse();
    }

    @Test
    void verifyUsesTheParametersStoredInTheHash() {
        String cheap = new Argon2idPasswordHasher(new Argon2idParameters(64, 1, 1)).hash("pw");
        assertThat(hasher.verify(cheap, "pw")).isTrue();
        assertThat(hasher.needsRehash(cheap)).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("pw"))).isFalse();
    }

    @Test
    void storedParametersBeyondTheBoundsAreRefusedWithoutComputing() {
        String huge = "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertThat(hasher.verify(huge, "pw")).isFalse();
        assertThat(hasher.needsRehash(huge)).isTrue();
    }

    @Test
    void otherVersionsAndVariantsAreNotVerified() {
        String hash = hasher.hash("pw");
        assertThat(hasher.verify(hash.replace("v=19", "v=16"), "pw")).isFalse();
        assertThat(hasher.recognizes(hash.replace("argon2id", "argon2i"))).isFalse();
    }

    @Test
    void parametersOutsideTheirRangeAreRejectedWithTheirName() {
        assertThatThrownBy(() -> new Argon2idParameters(4, 1, 1)).hasMessageContaining("memoryKiB");
        assertThatThrownBy(() -> new Argon2idParameters(19_456, 0, 1)).hasMessageContaining("iterations");
        assertThatThrownBy(() -> new Argon2idParameters(19_456, 2, 0)).hasMessageContaining("parallelism");
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }
}
