package dev.postern.ratelimit;

import java.util.regex.Pattern;

/**
 * A path pattern of {@code rateLimit.customRules}, matched as better-auth's {@code wildcardMatch} with
 * {@code /} as separator: {@code *} is any run of characters within one segment, {@code ?} one character,
 * {@code **} any number of whole segments, a trailing slash is optional, and {@code \} escapes the next
 * character. A pattern without {@code *} matches only the exact path, as better-auth compares it.
 * Public for other path lists that better-auth matches the same way (the captcha plugin's endpoints).
 */
public final class PathGlob {
    private final String pattern;
    private final Pattern regex;

    private PathGlob(String pattern) {
        this.pattern = pattern;
        this.regex = pattern.contains("*") ? Pattern.compile(toRegex(pattern)) : null;
    }

    public static PathGlob of(String pattern) {
        return new PathGlob(pattern);
    }

    public boolean matches(String path) {
        return regex == null ? pattern.equals(path) : regex.matcher(path).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        String[] segments = glob.split("/", -1);
        int start = segments.length > 0 && segments[0].isEmpty() ? 1 : 0;
        if (start == 0) {
            out.append("/?");
        }
        for (int s = start; s < segments.length; s++) {
            String segment = segments[s];
            if (segment.isEmpty() && s == segments.length - 1) {
                break; // a trailing slash in the pattern: optional anyway
            }
            if (segment.equals("**")) {
                out.append("(?:/[^/]*)*");
                continue;
            }
            out.append('/');
            appendSegment(out, segment);
        }
        return out.append("/?").toString();
    }

    private static void appendSegment(StringBuilder out, String segment) {
        for (int c = 0; c < segment.length(); c++) {
            char ch = segment.charAt(c);
            if (ch == '\\' && c + 1 < segment.length()) {
                out.append(Pattern.quote(String.valueOf(segment.charAt(++c))));
            } else if (ch == '*') {
                out.append("[^/]*");
            } else if (ch == '?') {
                out.append("[^/]");
            } else {
                out.append(Pattern.quote(String.valueOf(ch)));
            }
        }
    }

    @Override
    public String toString() {
        return pattern;
    }
}
