package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** UTF-8 as JavaScript's TextEncoder writes it, on the fast path and on the surrogate path alike. */
class Utf8Test {
    @Test
    void asciiAndOtherCharactersOfTheBasicPlaneAreStandardUtf8() {
        assertThat(hex("token.abc")).isEqualTo("746f6b656e2e616263");
        assertThat(hex("é€")).isEqualTo("c3a9e282ac");
    }

    @Test
    void aSurrogatePairIsOneFourByteCharacter() {
        assertThat(hex("a\uD83D\uDE00")).isEqualTo("61f09f9880");
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacterAsInJavaScript() {
        assertThat(hex("a\uD83Db")).isEqualTo("61efbfbd62");
        assertThat(hex("\uDE00")).isEqualTo("efbfbd");
        assertThat(hex("x\uD83D")).isEqualTo("78efbfbd");
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(Utf8.encode(text));
    }
}
