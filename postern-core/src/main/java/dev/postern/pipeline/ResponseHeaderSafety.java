package dev.postern.pipeline;

import dev.postern.http.AuthResponse;
import java.util.List;
import java.util.Map;

/**
 * Finds response header values that would let a request value split a header or start a new one
 * (response splitting): CR, LF, NUL and the other control characters. Tab is allowed, as HTTP allows it.
 */
final class ResponseHeaderSafety {
    private ResponseHeaderSafety() {
    }

    /** The name of the first header whose name or value holds a control character, or null when all are safe. */
    static String firstUnsafeHeader(AuthResponse response) {
        for (Map.Entry<String, List<String>> header : response.headers().asMap().entrySet()) {
            if (hasControlCharacter(header.getKey())) {
                return "(unnamed)";
            }
            for (String value : header.getValue()) {
                if (value == null || hasControlCharacter(value)) {
                    return header.getKey();
                }
            }
        }
        return null;
    }

    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
