package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No open redirect: every value below would send a browser (or a naive router) somewhere other than a
 * trusted origin, and each must be refused even though the list trusts {@code trusted.example.com}, all
 * of {@code *.example.org}, the app scheme {@code myapp://callback} and safe relative paths.
 */
class OpenRedirectAttacksTest {
    private static final TrustedOrigins TRUSTED = TrustedOrigins.of(List.of(
            "https://trusted.example.com", "*.example.org", "myapp://callback"));

    static Stream<Arguments> attacks() {
        return Stream.of(
                attack("//evil.com", "protocol-relative URL"),
                attack("///evil.com", "three slashes"),
                attack("/\\evil.com", "backslash read as a slash"),
                attack("\\\\evil.com", "two backslashes"),
                attack("/%2f%2fevil.com", "encoded slashes a router may decode"),
                attack("/%2F%2Fevil.com", "encoded slashes, upper case"),
                attack("/%5cevil.com", "encoded backslash"),
                attack("/%5C%5Cevil.com", "encoded backslashes, upper case"),
                attack("https://trusted.example.com@evil.com", "user-info naming the trusted host"),
                attack("https://trusted.example.com:443@evil.com", "user-info with a port"),
                attack("https://evil.com#@trusted.example.com", "trusted host in the fragment"),
                attack("https://evil.com?@trusted.example.com", "trusted host in the query"),
                attack("https://evil.com/trusted.example.com", "trusted host in the path"),
                attack("https://trusted.example.com.evil.com", "trusted host as a subdomain of evil"),
                attack("https://trusted.example.comevil.com", "trusted host as a prefix"),
                attack("https://evil.com\\@trusted.example.com", "backslash before user-info"),
                attack("http://evil.com\\@trusted.example.com", "backslash before user-info, http"),
                attack("https://evil.com\\.example.org", "backslash before a wildcard suffix"),
                attack("https://trusted.example.com%2f@evil.com", "encoded slash in user-info"),
                attack("https://trusted.example.com%40evil.com", "encoded at-sign in the host"),
                attack("https://trusted%2eexample.com", "encoded dot in the host"),
                attack("javascript:alert(1)", "script URL"),
                attack("JavaScript:alert(1)", "script URL, mixed case"),
                attack("JAVASCRIPT:alert(document.cookie)", "script URL, upper case"),
                attack("java\tscript:alert(1)", "script URL with a tab a browser strips"),
                attack("javascript://trusted.example.com/%0aalert(1)", "script URL with a trusted host"),
                attack("javascript://app.example.org/%0aalert(1)", "script URL with a wildcard-trusted host"),
                attack("data:text/html,<script>alert(1)</script>", "data URL"),
                attack("DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data URL, upper case"),
                attack("vbscript:msgbox(1)", "vbscript URL"),
                attack("\t//evil.com", "leading tab before a protocol-relative URL"),
                attack(" //evil.com", "leading space before a protocol-relative URL"),
                attack("\n/evil.com", "leading newline"),
                attack(" https://trusted.example.com", "leading space a browser strips"),
                attack("https://trusted.example.com ", "trailing space a browser strips"),
                attack("/\t/evil.com", "tab between slashes a browser strips"),
                attack("/\n/evil.com", "newline between slashes a browser strips"),
                attack("https://trusted.example.com/\r\nSet-Cookie:%20a=b", "CR/LF header injection"),
                attack("/path\r\nLocation: https://evil.com", "CR/LF injection in a relative path"),
                attack("/\u0000evil", "NUL"),
                attack("/\u0085evil", "C1 next-line control"),
                attack("HTTPS://EVIL.COM", "upper-case scheme and host of another site"),
                attack("hTtP://trusted.example.com", "http instead of https, mixed case"),
                attack("https:evil.com", "special scheme without slashes"),
                attack("https:/evil.com", "special scheme with one slash"),
                attack("https:\\\\trusted.example.com", "backslashes after the scheme"),
                attack("https:///trusted.example.com", "three slashes after the scheme"),
                attack("https://trusted.example.com.", "trailing dot (a different origin)"),
                attack("https://truѕted.example.com", "Cyrillic s lookalike"),
                attack("https://trusted.exаmple.com", "Cyrillic a lookalike"),
                attack("https://ｔｒｕｓｔｅｄ.example.com", "full-width letters a browser folds to ASCII"),
                attack("https://trusted.example.com\u3002evil.com", "ideographic full stop a browser reads as a dot"),
                attack("https://xn--trsted-4ya.example.com", "punycode lookalike"),
                attack("https://evil.com:443.example.org", "port-shaped label"),
                attack("https://0x7f.1", "hexadecimal IPv4 of an untrusted host"),
                attack("https://999.999.999.999", "invalid IPv4"),
                attack("https://[::1", "unclosed IPv6 literal"),
                attack("https://trusted.example.com:99999", "port out of range"),
                attack("https://trusted.example.com:-1", "negative port"),
                attack("evil.com", "no scheme"),
                attack("dashboard", "bare word"),
                attack("./dashboard", "dot-relative path"),
                attack("../dashboard", "parent-relative path"),
                attack("?next=//evil.com", "query-only reference"),
                attack("#//evil.com", "fragment-only reference"),
                attack("myapp://callback@evil.com", "app scheme with user-info"),
                attack("myapp://evil.com", "app scheme, other authority"),
                attack("otherapp://callback", "other app scheme"),
                attack("/\ud800", "lone surrogate"),
                attack("", "empty"));
    }

    private static Arguments attack(String url, String trick) {
        return Arguments.of(url, trick);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("attacks")
    void isRefusedAsARedirectTarget(String url, String trick) {
        assertThat(TRUSTED.isTrustedRedirect(url)).as("%s: %s", trick, url).isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("attacks")
    void isRefusedAsARequestOrigin(String url, String trick) {
        assertThat(TRUSTED.isTrustedOrigin(url)).as("%s: %s", trick, url).isFalse();
    }
}
