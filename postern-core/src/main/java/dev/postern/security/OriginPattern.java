package dev.postern.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of the trusted-origin list and the rules better-auth's {@code matchesOriginPattern} applies to
 * it (wire reference §9.1), decided once when the list is built:
 * <ul>
 *   <li>{@code https://app.example.com}: the URL's origin must be exactly this one;</li>
 *   <li>{@code *.example.com} (a wildcard and no {@code ://}): the glob is matched against the URL's host,
 *       port included when it is not the default;</li>
 *   <li>{@code https://*.example.com}: the glob is matched against the URL's whole origin;</li>
 *   <li>{@code myapp://} or {@code myapp://callback/path}: the scheme must match, the authority if the
 *       pattern has one, and the URL's resolved path must be the pattern's path or below it.</li>
 * </ul>
 * A glob host made only of digits, dots and wildcards ({@code 192.168.*.*}) admits only IPv4 addresses,
 * so {@code 192.168.attacker.com} cannot match it.
 */
final class OriginPattern {
    private static final Pattern IP_WILDCARD_HOST = Pattern.compile("(?=.*\\d)[\\d*?.]+");
    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])");

    private final String text;
    private final boolean wildcard;
    private final boolean hostOnly;
    private final Pattern glob;
    private final String exactOrigin;
    private final CustomSchemeUrl custom;
    private final Pattern customAuthorityGlob;
    private final Pattern customPathGlob;

    private OriginPattern(String text) {
        this.text = text;
        this.wildcard = Wildcard.isPattern(text);
        this.hostOnly = wildcard && !text.contains("://");
        this.glob = wildcard ? Wildcard.compile(text) : null;
        this.exactOrigin = wildcard ? null : exactWebOrigin(text);
        this.custom = (wildcard ? CustomSchemeUrl.parsePattern(text) : CustomSchemeUrl.parse(text)).orElse(null);
        this.customAuthorityGlob = wildcard && custom != null && !custom.authority().isEmpty()
                ? Wildcard.compile(custom.authority()) : null;
        this.customPathGlob = wildcard && custom != null && !custom.path().isEmpty() ? Wildcard.compile(custom.path()) : null;
    }

    /**
     * Reads one configured entry.
     *
     * @throws IllegalArgumentException for an http(s) entry that is not an origin (it has a path, user-info
     *     or an unreadable host): better-auth would silently never match it, Postern says so at start-up
     */
    static OriginPattern of(String text) {
        if (UrlText.hasUnsafeCharacter(text) || !text.strip().equals(text)) {
            throw new IllegalArgumentException("trustedOrigins: '" + UrlText.forLog(text)
                    + "' contains spaces or control characters");
        }
        return new OriginPattern(text);
    }

    String text() {
        return text;
    }

    /** Whether the absolute {@code url} (no control characters, checked by the caller) matches. */
    boolean matches(String url) {
        if (hostOnly) {
            String host = hostOf(url);
            return host != null && !host.isEmpty() && glob.matcher(host).matches() && isAllowedIpv4Host(text, host);
        }
        String scheme = WebUrl.schemeOf(url);
        if (scheme == null || scheme.equals("http") || scheme.equals("https")) {
            Optional<WebUrl> web = WebUrl.parse(url);
            if (web.isEmpty()) {
                return false;
            }
            String origin = web.get().origin();
            if (!wildcard) {
                return origin.equals(exactOrigin);
            }
            return glob.matcher(origin).matches()
                    && isAllowedIpv4Host(text.substring(text.indexOf("://") + 3), web.get().hostAndPort());
        }
        return matchesCustomScheme(url);
    }

    private boolean matchesCustomScheme(String url) {
        Optional<CustomSchemeUrl> parsed = CustomSchemeUrl.parse(url);
        if (parsed.isEmpty() || custom == null || !parsed.get().scheme().equals(custom.scheme())) {
            return false;
        }
        CustomSchemeUrl candidate = parsed.get();
        if (wildcard) {
            if (candidate.authority().contains("@")) {
                return false;
            }
            if (customAuthorityGlob != null && !(customAuthorityGlob.matcher(candidate.authority()).matches()
                    && isAllowedIpv4Host(custom.authority(), candidate.authority()))) {
                return false;
            }
            return customPathGlob == null
                    || customPathGlob.matcher(candidate.path().isEmpty() ? "/" : candidate.path()).matches();
        }
        if (!custom.authority().isEmpty() && !candidate.authority().equals(custom.authority())) {
            return false;
        }
        return custom.path().isEmpty() || candidate.path().equals(custom.path())
                || candidate.path().startsWith(custom.path() + "/");
    }

    /** {@code new URL(url).host}: host and non-default port; null when the URL has no readable host. */
    private static String hostOf(String url) {
        String scheme = WebUrl.schemeOf(url);
        if (scheme == null) {
            return null;
        }
        if (WebUrl.isSpecial(scheme)) {
            return WebUrl.parse(url).map(WebUrl::hostAndPort).orElse(null);
        }
        if (!url.startsWith("//", scheme.length() + 1)) {
            return null;
        }
        String rest = url.substring(scheme.length() + 3);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        // A browser would drop user-info and keep the host; refusing it leaves nothing to disagree about.
        return authority.contains("@") || authority.contains("\\") ? null : authority;
    }

    private static boolean isAllowedIpv4Host(String patternAuthority, String authority) {
        String patternHost = patternAuthority.split(":", -1)[0];
        if (!IP_WILDCARD_HOST.matcher(patternHost).matches()) {
            return true;
        }
        return IPV4.matcher(authority.split(":", -1)[0]).matches();
    }

    private static String exactWebOrigin(String text) {
        String scheme = WebUrl.schemeOf(text);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return null;
        }
        Optional<WebUrl> web = WebUrl.parse(text);
        int authorityEnd = text.length();
        for (int i = scheme.length() + 3; i < text.length(); i++) {
            if ("/\\?#".indexOf(text.charAt(i)) >= 0) {
                authorityEnd = i;
                break;
            }
        }
        String rest = text.substring(authorityEnd);
        if (web.isEmpty() || !(rest.isEmpty() || rest.equals("/"))) {
            throw new IllegalArgumentException("trustedOrigins: '" + text + "' is not an origin;"
                    + " write scheme://host[:port] without user-info, path or query (e.g. https://app.example.com)");
        }
        return web.get().origin();
    }
}
