package dev.postern.security;

import java.util.regex.Pattern;

/**
 * The glob language of trusted-origin patterns, as better-auth's {@code wildcardMatch} reads a pattern
 * without a separator: {@code *} is any run of characters, dots and colons included ({@code *.example.com}
 * admits {@code a.b.example.com}), {@code ?} is exactly one character, and a backslash makes the next
 * character literal. The whole value must match.
 */
final class Wildcard {
    private Wildcard() {
    }

    static boolean isPattern(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder(glob.length() * 2);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\') {
                // A trailing backslash escapes nothing and is dropped, as better-auth drops it.
                if (i + 1 < glob.length()) {
                    literal(regex, glob.charAt(++i));
                }
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '*') {
                regex.append(".*?");
            } else {
                literal(regex, c);
            }
        }
        return Pattern.compile(regex.toString());
    }

    // In a Java regex a backslash before any character that is not a letter or digit makes it literal.
    private static void literal(StringBuilder regex, char c) {
        if (c < 128 && !Character.isLetterOrDigit(c)) {
            regex.append('\\');
        }
        regex.append(c);
    }
}
