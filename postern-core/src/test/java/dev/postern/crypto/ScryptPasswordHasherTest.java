package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.SCrypt;
import org.junit.jupiter.api.Test;

class ScryptPasswordHasherTest {
    private final ScryptPasswordHasher hasher = new ScryptPasswordHasher();

    @Test
    void bouncyCastleScryptMatchesRfc7914Section12Vectors() {
        assertThat(HexFormat.of().formatHex(SCrypt.generate(new byte[0], new byte[0], 16, 1, 1, 64))).isEqualTo(
                "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                        + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        assertThat(HexFormat.of().formatHex(SCrypt.generate(ascii("password"), ascii("NaCl"), 1024, 8, 16, 64)))
                .isEqualTo("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
        assertThat(HexFormat.of().formatHex(
                SCrypt.generate(ascii("pleaseletmein"), ascii("SodiumChloride"), 16384, 8, 1, 64)))
                .isEqualTo("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                        + "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
    }

    @Test
    void hashIsThirtyTwoHexSaltColonHundredTwentyEightHexKey() {
        assertThat(hasher.hash("password123")).matches("[0-9a-f]{32}:[0-9a-f]{128}");
    }

    @Test
    void saltFedToScryptIsTheHexTextNotTheRandomBytes() {
        String[] stored = hasher.hash("password123").split(":");
        byte[] key = SCrypt.generate(ascii("password123"), stored[0].getBytes(StandardCharsets.UTF_8), 16384, 16, 1, 64);
        assertThat(HexFormat.of().formatHex(key)).isEqualTo(stored[1]);
    }

    @Test
    void verifyAcceptsTheRightPasswordAndRejectsAnother() {
        String hash = hasher.hash("correct horse");
        assertThat(hasher.verify(hash, "correct horse")).isTrue();
        assertThat(hasher.verify(hash, "correct horse ")).isFalse();
    }

    @Test
    void passwordIsNormalisedToNfkcBeforeHashing() {
        assertThat(hasher.verify(hasher.hash("\uFB01le"), "file")).isTrue(); // ﬁ ligature
        assertThat(hasher.verify(hasher.hash("\u212B"), "\u00C5")).isTrue(); // Angstrom sign vs Å
    }

    @Test
    void loneSurrogateIsHashedAsTheReplacementCharacterLikeJavaScript() {
        assertThat(hasher.verify(hasher.hash("a\uD800b"), "a\uFFFDb")).isTrue();
    }

    @Test
    void hashWithoutSaltOrKeyIsNotRecognisedAndDoesNotVerify() {
        for (String malformed : new String[] {"", "abc", ":abc", "abc:", "$argon2id$v=19$x"}) {
            assertThat(hasher.recognizes(malformed)).as(malformed).isFalse();
        }
        assertThat(hasher.verify("abc:", "x")).isFalse();
        assertThat(hasher.verify(":abc", "x")).isFalse();
    }

    @Test
    void uppercaseHexKeyDoesNotMatchBecauseBetterAuthComparesLowercaseText() {
        String hash = hasher.hash("pw");
        assertThat(hasher.verify(hash.toUpperCase(), "pw")).isFalse();
    }

    @Test
    void fieldsAfterTheSecondAreIgnoredLikeBetterAuthsDestructuring() {
        String hash = hasher.hash("pw");
        assertThat(hasher.verify(hash + ":extra", "pw")).isTrue();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
