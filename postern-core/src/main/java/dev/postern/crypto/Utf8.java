package dev.postern.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 encoding with JavaScript's {@code TextEncoder} semantics. Java's {@code String.getBytes(UTF_8)}
 * turns a lone surrogate into {@code '?'}, JavaScript into U+FFFD ({@code EF BF BD}); every byte that
 * is hashed or MACed must match better-auth's, so everything in this package encodes through here.
 */
final class Utf8 {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private Utf8() {
    }

    static byte[] encode(String text) {
        // Without surrogates the JDK's encoder agrees with TextEncoder and is far faster; cookie values,
        // tokens and JSON of sessions nearly always take this path.
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return encodeWithSurrogates(text);
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encodeWithSurrogates(String text) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (CharacterCodingException e) {
            // Unreachable: REPLACE never reports an error.
            throw new IllegalStateException(e);
        }
    }
}
