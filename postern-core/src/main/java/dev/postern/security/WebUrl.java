package dev.postern.security;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scheme, host and port of an absolute URL with one of the WHATWG "special" schemes (http, https, ws,
 * wss, ftp), read the way a browser reads them but more strictly: whatever a browser could read as a
 * different host is refused rather than guessed at. A redirect check is only as good as its agreement
 * with the browser that follows the redirect, so this parser refuses user-info ({@code https://trusted@evil}),
 * backslashes ({@code https://evil\@trusted}), percent escapes and non-ASCII characters in the host (IDN
 * lookalikes, full-width letters that a browser folds to ASCII), and any form other than
 * {@code scheme://authority}. Hosts that a browser reads as IPv4 ({@code 0x7f.1}) are normalised as it does.
 *
 * @param scheme lower-case scheme
 * @param host lower-case host; IPv4 dotted-decimal, IPv6 in brackets and compressed
 * @param port the port, or -1 for the scheme's default
 */
record WebUrl(String scheme, String host, int port) {
    private static final Map<String, Integer> DEFAULT_PORTS =
            Map.of("http", 80, "https", 443, "ws", 80, "wss", 443, "ftp", 21);
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9_.\\-]+");

    /** The WHATWG scheme of {@code url}, lower-cased, or null when it has none ({@code /path}, {@code dashboard}). */
    static String schemeOf(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0 || !SCHEME.matcher(url).region(0, colon).matches()) {
            return null;
        }
        return url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    static boolean isSpecial(String scheme) {
        return DEFAULT_PORTS.containsKey(scheme);
    }

    /** The URL's parts, or empty when it is not a special-scheme URL this parser can read without doubt. */
    static Optional<WebUrl> parse(String url) {
        String scheme = schemeOf(url);
        if (scheme == null || !isSpecial(scheme) || !url.startsWith("//", scheme.length() + 1)) {
            return Optional.empty();
        }
        int start = scheme.length() + 3;
        int end = start;
        while (end < url.length() && "/\\?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        if (authority.isEmpty() || authority.indexOf('@') >= 0 || authority.indexOf('%') >= 0) {
            return Optional.empty();
        }
        String hostText;
        String portText = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || close + 1 < authority.length() && authority.charAt(close + 1) != ':') {
                return Optional.empty();
            }
            hostText = authority.substring(0, close + 1);
            portText = close + 1 < authority.length() ? authority.substring(close + 2) : "";
        } else {
            int colon = authority.indexOf(':');
            hostText = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? "" : authority.substring(colon + 1);
        }
        Optional<String> host = hostText.startsWith("[")
                ? HostAddresses.ipv6(hostText.substring(1, hostText.length() - 1)).map(h -> "[" + h + "]")
                : domainOrIpv4(hostText.toLowerCase(Locale.ROOT));
        int port = parsePort(portText);
        if (host.isEmpty() || port == -2) {
            return Optional.empty();
        }
        return Optional.of(new WebUrl(scheme, host.get(), port == DEFAULT_PORTS.get(scheme) ? -1 : port));
    }

    /** {@code scheme://host[:port]}, as {@code new URL(url).origin} serialises it. */
    String origin() {
        return scheme + "://" + hostAndPort();
    }

    /** {@code host[:port]}, as {@code new URL(url).host}: the port only when it is not the default. */
    String hostAndPort() {
        return port == -1 ? host : host + ":" + port;
    }

    private static Optional<String> domainOrIpv4(String host) {
        if (host.isEmpty() || !DOMAIN.matcher(host).matches()) {
            return Optional.empty();
        }
        return HostAddresses.endsInANumber(host) ? HostAddresses.ipv4(host) : Optional.of(host);
    }

    /** The port, -1 when absent or empty, -2 when malformed or out of range. */
    private static int parsePort(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -2;
            }
            value = value * 10 + (c - '0');
            if (value > 65535) {
                return -2;
            }
        }
        return value;
    }
}
