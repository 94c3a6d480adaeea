package dev.postern.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JavaScript's {@code encodeURIComponent} and {@code decodeURIComponent}. better-call writes cookie
 * values with the former and reads them back with the latter (only when they contain {@code %}); Java's
 * {@code URLEncoder} differs (it writes {@code +} for space and escapes {@code !~*'()}), so signed cookies
 * need these exact semantics to be byte-compatible.
 */
public final class UriComponent {
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private UriComponent() {
    }

    /**
     * Percent-encodes every UTF-8 byte except the unreserved {@code A-Za-z0-9-_.!~*'()}.
     *
     * @throws IllegalArgumentException for a lone surrogate, where JavaScript throws {@code URIError}
     */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
                continue;
            }
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("URI malformed: lone surrogate at index " + i);
            }
            for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX_DIGITS[(b >> 4) & 0xF]).append(HEX_DIGITS[b & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes every {@code %XX} escape; a run of escapes must form valid UTF-8.
     *
     * @return the text, or empty where JavaScript throws {@code URIError}
     */
    public static Optional<String> decode(String text) {
        if (text.indexOf('%') < 0) {
            return Optional.of(text);
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            run.reset();
            while (i < text.length() && text.charAt(i) == '%') {
                if (i + 2 >= text.length()) {
                    return Optional.empty();
                }
                int hi = hexValue(text.charAt(i + 1));
                int lo = hexValue(text.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                run.write(hi << 4 | lo);
                i += 3;
            }
            Optional<String> decoded = strictUtf8(run.toByteArray());
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            out.append(decoded.get());
        }
        return Optional.of(out.toString());
    }

    /** better-call's {@code tryDecode}: decode when the value holds a {@code %}, keep it as is when that fails. */
    public static String decodeOrKeep(String text) {
        return decode(text).orElse(text);
    }

    private static Optional<String> strictUtf8(byte[] bytes) {
        try {
            // REPORT rejects overlong forms, encoded surrogates and truncated sequences, as URIError does.
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The value of an ASCII hex digit, or -1; unlike {@code Character.digit} it refuses full-width digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || "-_.!~*'()".indexOf(c) >= 0;
    }
}
