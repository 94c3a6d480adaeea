package dev.postern.security;

import dev.postern.crypto.UriComponent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * A URL with an app's own scheme ({@code myapp://callback/done}, {@code exp://192.168.1.5:8081}), split
 * with plain string operations as better-auth splits it: browsers and runtimes disagree on how to parse
 * non-special schemes, and a trust decision must not depend on which one is asked.
 *
 * <p>The path is percent-decoded and its dot-segments resolved, so {@code myapp://host/cb/%2e%2e/evil}
 * cannot pass for a URL under {@code myapp://host/cb}.
 *
 * @param scheme lower-case scheme
 * @param authority lower-case authority after {@code //}, empty when there is none
 * @param path decoded path without dot-segments or empty segments ({@code /cb/done}), empty for the root
 */
record CustomSchemeUrl(String scheme, String authority, String path) {

    /** A URL to check: its authority ends at {@code /}, {@code ?} or {@code #}, its path at {@code ?} or {@code #}. */
    static Optional<CustomSchemeUrl> parse(String value) {
        return parse(value, "/?#", "?#");
    }

    /** A wildcard pattern, where {@code ?} is a glob character rather than the start of a query. */
    static Optional<CustomSchemeUrl> parsePattern(String value) {
        return parse(value, "/#", "#");
    }

    private static Optional<CustomSchemeUrl> parse(String value, String authorityEnds, String pathEnds) {
        if (UrlText.hasUnsafeCharacter(value)) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = value.substring(colon + 1);
        String authority = "";
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
            int end = indexOfAny(rest, authorityEnds);
            authority = end < 0 ? rest : rest.substring(0, end);
            rest = end < 0 ? "" : rest.substring(end);
        }
        int pathEnd = indexOfAny(rest, pathEnds);
        String path = normalisePath(pathEnd < 0 ? rest : rest.substring(0, pathEnd));
        return Optional.of(new CustomSchemeUrl(scheme, authority.toLowerCase(Locale.ROOT), path));
    }

    /** Decodes, then resolves {@code .} and {@code ..}; text that does not decode is used as written. */
    static String normalisePath(String path) {
        String decoded = UriComponent.decode(path).orElse(path);
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? "" : "/" + String.join("/", segments);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
