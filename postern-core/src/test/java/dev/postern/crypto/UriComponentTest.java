package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UriComponentTest {

    @Test
    void encodeKeepsOnlyTheUnreservedCharactersOfEncodeURIComponent() {
        assertThat(UriComponent.encode("AZaz09-_.!~*'()")).isEqualTo("AZaz09-_.!~*'()");
        assertThat(UriComponent.encode(" +/=?&#%;,:@$\"<>")).isEqualTo("%20%2B%2F%3D%3F%26%23%25%3B%2C%3A%40%24%22%3C%3E");
    }

    @Test
    void encodeWritesUtf8BytesInUppercaseHex() {
        assertThat(UriComponent.encode("é")).isEqualTo("%C3%A9");
        assertThat(UriComponent.encode("😀")).isEqualTo("%F0%9F%98%80");
    }

    @Test
    void encodeThrowsOnALoneSurrogateLikeUriError() {
        assertThatThrownBy(() -> UriComponent.encode("a\uD800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UriComponent.encode("\uDC00a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodeReversesEncodeAndAcceptsLowercaseHex() {
        String text = "hello world/é 😀 .=+";
        assertThat(UriComponent.decode(UriComponent.encode(text))).contains(text);
        assertThat(UriComponent.decode("%2f%2B")).contains("/+");
        assertThat(UriComponent.decode("a+b")).contains("a+b");
    }

    @Test
    void decodeRefusesWhatDecodeURIComponentRejects() {
        assertThat(UriComponent.decode("%")).isEmpty();
        assertThat(UriComponent.decode("%4")).isEmpty();
        assertThat(UriComponent.decode("%zz")).isEmpty();
        assertThat(UriComponent.decode("%C3")).isEmpty(); // truncated sequence
        assertThat(UriComponent.decode("%C3%41")).isEmpty(); // missing continuation byte
        assertThat(UriComponent.decode("%C0%AF")).isEmpty(); // overlong '/'
        assertThat(UriComponent.decode("%ED%A0%80")).isEmpty(); // encoded surrogate
        assertThat(UriComponent.decode("%F4%90%80%80")).isEmpty(); // above U+10FFFF
        assertThat(UriComponent.decode("%\uFF11\uFF12")).isEmpty(); // full-width digits are not hex
    }

    @Test
    void decodeOrKeepReturnsMalformedInputUnchangedLikeBetterCallsTryDecode() {
        assertThat(UriComponent.decodeOrKeep("100%")).isEqualTo("100%");
        assertThat(UriComponent.decodeOrKeep("a%20b")).isEqualTo("a b");
    }
}
