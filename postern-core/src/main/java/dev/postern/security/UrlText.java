package dev.postern.security;

import java.util.Locale;
import java.util.Set;

/** Checks on URL text that come before any parsing: control characters, safe relative paths, code schemes. */
final class UrlText {
    /** Schemes that run or embed code where a browser navigates; never a redirect target, whatever is trusted. */
    private static final Set<String> CODE_SCHEMES = Set.of("javascript", "data", "vbscript");

    private UrlText() {
    }

    /**
     * C0 controls, DEL, C1 controls and unpaired surrogates. A browser's URL parser silently drops tabs
     * and newlines ({@code java\tscript:}, {@code \t//evil.com}), a CR/LF in a {@code Location} header
     * splits the response, and a lone surrogate is text a browser would rewrite before using, so a URL
     * containing any of them is refused outright.
     */
    static boolean hasUnsafeCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x1f || c >= 0x7f && c <= 0x9f) {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * better-auth's safe root-relative redirect ({@code isSafeRelativeURL}, 1.7.25): it starts with one
     * {@code /}, has no backslash (browsers read {@code /\evil.com} as {@code //evil.com}), no control
     * character, and no encoded slash or backslash in its path ({@code /%2f%2fevil.com}, which some
     * routers decode before redirecting). Such a path can only resolve on this site, so unlike
     * better-auth it needs no URL parse to confirm that.
     */
    static boolean isSafeRelativePath(String value) {
        if (!value.startsWith("/") || value.startsWith("//") || value.indexOf('\\') >= 0 || hasUnsafeCharacter(value)) {
            return false;
        }
        int end = value.length();
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '?' || value.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        String path = value.substring(0, end).toLowerCase(Locale.ROOT);
        return !path.contains("%2f") && !path.contains("%5c");
    }

    /** Whether {@code scheme} (lower case) is one of {@code javascript}, {@code data}, {@code vbscript}. */
    static boolean isCodeScheme(String scheme) {
        return scheme != null && CODE_SCHEMES.contains(scheme);
    }

    /** {@code text} made safe for one log line: controls escaped, at most 200 characters. */
    static String forLog(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 200; i++) {
            char c = text.charAt(i);
            out.append(c <= 0x1f || c >= 0x7f && c <= 0x9f ? String.format("\\u%04x", (int) c) : c);
        }
        return text.length() > 200 ? out + "..." : out.toString();
    }
}
