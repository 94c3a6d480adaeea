package dev.postern.crypto;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The text encodings of bytes that better-auth puts on the wire: lowercase hex (password hashes),
 * padded standard base64 (signed cookies), unpadded base64url (cookie-cache signatures, JOSE), and the
 * lenient decoder of {@code @better-auth/utils/base64} that accepts either alphabet.
 */
public final class Encodings {
    private static final HexFormat HEX = HexFormat.of();

    private Encodings() {
    }

    /** Lowercase hex, as Node's {@code toString("hex")}. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Standard alphabet with {@code =} padding, as {@code btoa}. */
    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** URL-safe alphabet without padding. */
    public static String base64UrlNoPad(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Decodes base64 the way better-auth's {@code base64.decode}/{@code base64Url.decode} do: the URL
     * alphabet when the text contains {@code -} or {@code _}, otherwise the standard one; everything from
     * the first {@code =} is ignored, and leftover bits of an incomplete final group are dropped.
     *
     * @return the bytes, or empty when a character is outside the chosen alphabet
     */
    public static Optional<byte[]> decodeBase64EitherAlphabet(String text) {
        int padding = text.indexOf('=');
        String body = padding < 0 ? text : text.substring(0, padding);
        if (body.length() % 4 == 1) {
            // A lone trailing symbol carries fewer than 8 bits: JavaScript drops it, Java would throw.
            body = body.substring(0, body.length() - 1);
        }
        boolean urlAlphabet = body.indexOf('-') >= 0 || body.indexOf('_') >= 0;
        try {
            return Optional.of((urlAlphabet ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(body));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
