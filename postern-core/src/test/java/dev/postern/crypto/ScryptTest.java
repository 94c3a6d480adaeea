package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

/** Postern's own scrypt must be bit-for-bit RFC 7914, since stored password hashes depend on it. */
class ScryptTest {
    @Test
    void matchesTheRfc7914Section12Vectors() {
        assertThat(hex(Scrypt.derive(new byte[0], new byte[0], 16, 1, 1, 64))).isEqualTo(
                "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                        + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        assertThat(hex(Scrypt.derive(ascii("password"), ascii("NaCl"), 1024, 8, 16, 64))).isEqualTo(
                "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
        assertThat(hex(Scrypt.derive(ascii("pleaseletmein"), ascii("SodiumChloride"), 16384, 8, 1, 64))).isEqualTo(
                "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                        + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
    }

    /** Random inputs and shapes, including odd key lengths and p > 1, against Bouncy Castle's scrypt. */
    @Test
    void agreesWithBouncyCastleOnRandomInputs() {
        SplittableRandom random = new SplittableRandom(7914);
        for (int round = 0; round < 40; round++) {
            byte[] password = bytes(random, random.nextInt(0, 80));
            byte[] salt = bytes(random, random.nextInt(0, 40));
            int n = 1 << random.nextInt(1, 9);
            int r = random.nextInt(1, 5);
            int p = random.nextInt(1, 4);
            int length = random.nextInt(1, 130);
            assertThat(Scrypt.derive(password, salt, n, r, p, length))
                    .as("N=%d r=%d p=%d length=%d", n, r, p, length)
                    .isEqualTo(SCrypt.generate(password, salt, n, r, p, length));
        }
    }

    /** Buffers are reused between hashes; a hash after others with other parameters is still exact. */
    @Test
    void reusedBuffersDoNotLeakIntoTheNextHash() {
        byte[] first = Scrypt.derive(ascii("pw"), ascii("salt"), 1024, 16, 1, 64);
        Scrypt.derive(ascii("other"), ascii("pepper"), 1024, 16, 1, 64);
        Scrypt.derive(ascii("other"), ascii("pepper"), 512, 16, 1, 64);
        assertThat(Scrypt.derive(ascii("pw"), ascii("salt"), 1024, 16, 1, 64)).isEqualTo(first)
                .isEqualTo(SCrypt.generate(ascii("pw"), ascii("salt"), 1024, 16, 1, 64));
    }

    @Test
    void refusesACostThatIsNotAPowerOfTwoAboveOne() {
        assertThatThrownBy(() -> Scrypt.derive(ascii("pw"), ascii("salt"), 1000, 8, 1, 64))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> Scrypt.derive(ascii("pw"), ascii("salt"), 1, 8, 1, 64))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scrypt.derive(ascii("pw"), ascii("salt"), 16, 0, 1, 64))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
