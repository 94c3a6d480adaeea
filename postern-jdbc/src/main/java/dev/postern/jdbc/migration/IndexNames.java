package dev.postern.jdbc.migration;

import java.nio.charset.StandardCharsets;

/**
 * Index names as better-auth gives them, so both recognise each other's indexes:
 * {@code <table>_<column>_idx}, or {@code _uidx} for unique ones. Names longer than 63 UTF-8 bytes
 * (PostgreSQL's identifier limit) are shortened and made distinct with a 32-bit FNV-1a hash of the
 * full name, computed over UTF-16 code units as JavaScript strings are.
 */
final class IndexNames {
    static final int MAX_BYTES = 63;

    private IndexNames() {
    }

    static String of(String table, String column, boolean unique) {
        String kind = unique ? "uidx" : "idx";
        String full = table + "_" + column + "_" + kind;
        if (utf8Length(full) <= MAX_BYTES) {
            return full;
        }
        String suffix = "_" + fnv1a(full) + "_" + kind;
        String stem = full.substring(0, full.length() - kind.length() - 1);
        return truncateUtf8(stem, MAX_BYTES - utf8Length(suffix)) + suffix;
    }

    private static String fnv1a(String value) {
        int hash = 0x811c9dc5;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= 16777619;
        }
        String hex = Integer.toHexString(hash);
        return "0".repeat(8 - hex.length()) + hex;
    }

    /** Keeps whole code points, never splitting a character's bytes. */
    private static String truncateUtf8(String value, int maxBytes) {
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int length = utf8Length(character);
            if (bytes + length > maxBytes) {
                break;
            }
            kept.append(character);
            bytes += length;
            i += Character.charCount(codePoint);
        }
        return kept.toString();
    }

    private static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
