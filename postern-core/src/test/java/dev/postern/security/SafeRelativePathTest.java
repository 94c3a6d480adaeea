package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Relative redirect targets are allowed only in better-auth 1.7.25's safe form ({@code isSafeRelativeURL}):
 * one leading slash, no backslash, no control character, no encoded separator in the path.
 */
class SafeRelativePathTest {
    private static final TrustedOrigins ONLY_OWN = TrustedOrigins.of(List.of("https://auth.example.com"));

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard", "/a/b/c", "/reset?step=2#top", "/search?q=%2F%2Fok", "/after#/route",
            "/path-with_dots.and~tilde", "/@user", "/a+b", "/caf%C3%A9", "/a b", "/a/../b", "/.well-known/x",
            "/?next=//elsewhere-is-just-text"})
    void aPathOnThisSiteIsAllowed(String path) {
        assertThat(ONLY_OWN.isTrustedRedirect(path)).as(path).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "/\\evil.com", "/a\\b", "/%2fevil.com", "/%2Fevil.com", "/a%5cb",
            "/a%5Cb", "/\tevil", "/a\rb", "/a\nb", "/a\u007fb"})
    void aPathThatABrowserOrRouterCouldReadAsAnotherHostIsRefused(String path) {
        assertThat(ONLY_OWN.isTrustedRedirect(path)).as(path).isFalse();
    }
}
