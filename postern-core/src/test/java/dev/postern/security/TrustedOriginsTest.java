package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.NoStore;
import dev.postern.PosternConfig;
import dev.postern.plugin.Plugin;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a URL is matched against each kind of trusted-origin entry, as better-auth 1.7.25's
 * {@code matchesOriginPattern} matches it (wire reference §9.1).
 */
class TrustedOriginsTest {

    private static boolean trusts(String entry, String url) {
        return TrustedOrigins.of(List.of(entry)).isTrustedRedirect(url);
    }

    @ParameterizedTest(name = "{0} trusts {1}: {2}")
    @CsvSource({
            "https://app.example.com, https://app.example.com, true",
            "https://app.example.com, https://app.example.com/any/path?q=1#f, true",
            "https://app.example.com, HTTPS://APP.EXAMPLE.COM/, true",
            "https://app.example.com, https://app.example.com:443/, true",
            "https://app.example.com, http://app.example.com/, false",
            "https://app.example.com, https://app.example.com:8443/, false",
            "https://app.example.com, https://example.com/, false",
            "https://app.example.com, https://sub.app.example.com/, false",
            "http://localhost:5173, http://localhost:5173/, true",
            "http://localhost:5173, http://localhost:5174/, false",
            "http://127.0.0.1:3000, http://127.0.0.1:3000/x, true",
            "http://127.0.0.1:3000, http://0x7f.1:3000/x, true",
            "http://127.0.0.1:3000, http://2130706433:3000/x, true",
            "http://127.0.0.1:3000, http://127.0.0.01:3000/x, true",
            "http://127.0.0.1:3000, http://127.0.0.1.:3000/x, true",
            "http://[::1]:3000, http://[0:0:0:0:0:0:0:1]:3000/x, true"})
    void exactEntriesMatchTheUrlsOriginOnly(String entry, String url, boolean trusted) {
        assertThat(trusts(entry, url)).isEqualTo(trusted);
    }

    @ParameterizedTest(name = "{0} trusts {1}: {2}")
    @CsvSource({
            "*.example.com, https://app.example.com/, true",
            "*.example.com, http://app.example.com/, true",
            "*.example.com, https://a.b.example.com/, true",
            "*.example.com, https://example.com/, false",
            "*.example.com, https://app.example.com:8443/, false",
            "*.example.com, https://evilexample.com/, false",
            "*.example.com, https://app.example.com.evil.com/, false",
            "*.example.com:8443, https://app.example.com:8443/, true",
            "app?.example.com, https://app1.example.com/, true",
            "app?.example.com, https://app12.example.com/, false"})
    void wildcardsWithoutSchemeMatchTheHost(String entry, String url, boolean trusted) {
        assertThat(trusts(entry, url)).isEqualTo(trusted);
    }

    @ParameterizedTest(name = "{0} trusts {1}: {2}")
    @CsvSource({
            "https://*.example.com, https://app.example.com/, true",
            "https://*.example.com, http://app.example.com/, false",
            "https://*.example.com, https://app.example.com:8443/, false",
            "https://*.example.com, https://evil.com/.example.com, false",
            "http://localhost:*, http://localhost:5173/, true",
            "http://localhost:*, http://localhost/, false",
            "http://localhost:*, http://localhost.evil.com:80/, false"})
    void wildcardsWithSchemeMatchTheWholeOrigin(String entry, String url, boolean trusted) {
        assertThat(trusts(entry, url)).isEqualTo(trusted);
    }

    @ParameterizedTest(name = "{0} trusts {1}: {2}")
    @CsvSource({
            "192.168.*.*, http://192.168.1.20:3000/, true",
            "192.168.*.*, http://192.168.attacker.com/, false",
            "http://192.168.*.*:*, http://192.168.1.20:3000/, true",
            "http://192.168.*.*:*, http://192.168.attacker.com:3000/, false",
            "http://10.*, http://10.1.2.3/, true",
            "http://10.*, http://10.evil.com/, false"})
    void ipWildcardsAdmitOnlyIpv4Addresses(String entry, String url, boolean trusted) {
        assertThat(trusts(entry, url)).isEqualTo(trusted);
    }

    @ParameterizedTest(name = "{0} trusts {1}: {2}")
    @CsvSource({
            "myapp://, myapp://, true",
            "myapp://, myapp://anything/at/all, true",
            "myapp://, MYAPP://callback, true",
            "myapp://, otherapp://callback, false",
            "myapp://callback, myapp://callback/done, true",
            "myapp://callback, myapp://CALLBACK, true",
            "myapp://callback, myapp://other, false",
            "myapp://callback, myapp://callback@evil, false",
            "exp://192.168.1.5:8081, exp://192.168.1.5:8081/--/home, true",
            "exp://192.168.1.5:8081, exp://192.168.1.6:8081, false"})
    void appSchemesMatchSchemeAndAuthority(String entry, String url, boolean trusted) {
        assertThat(trusts(entry, url)).isEqualTo(trusted);
    }

    @ParameterizedTest(name = "{0} trusts {1}: {2}")
    @CsvSource({
            "myapp://host/cb, myapp://host/cb, true",
            "myapp://host/cb, myapp://host/cb/, true",
            "myapp://host/cb, myapp://host/cb/done?x=1, true",
            "myapp://host/cb, myapp://host//cb, true",
            "myapp://host/cb, myapp://host/cbx, false",
            "myapp://host/cb, myapp://host/evil, false",
            "myapp://host/cb, myapp://host/cb/../evil, false",
            "myapp://host/cb, myapp://host/cb/%2e%2e/evil, false",
            "myapp://host/cb, myapp://host/cb%2F..%2Fevil, false",
            "myapp://host/cb, myapp://host/cb/./done, true",
            "myapp://host/cb, myapp://host/c%62/done, true",
            "myapp://host/cb, myapp://host/%ZZ, false",
            "myapp://host/cb/*, myapp://host/cb/one, true",
            "myapp://host/cb/*, myapp://host/cb/../evil, false",
            "myapp://*/cb, myapp://any/cb, true",
            "myapp://*/cb, myapp://user@any/cb, false"})
    void appSchemePathsAreResolvedBeforeTheyAreCompared(String entry, String url, boolean trusted) {
        assertThat(trusts(entry, url)).isEqualTo(trusted);
    }

    @Test
    void theListIsTheBaseUrlOriginThenConfiguredThenPluginOrigins() {
        Plugin mobile = new Plugin() {
            @Override
            public String id() {
                return "mobile";
            }

            @Override
            public List<String> trustedOrigins() {
                return List.of("myapp://");
            }
        };
        PosternConfig config = PosternConfig.builder()
                .secret("a-secret-that-is-long-enough-for-tests-0123456789")
                .baseUrl("https://auth.example.com/api/auth")
                .database(NoStore.PROVIDER)
                .trustedOrigins(List.of("https://app.example.com", "https://auth.example.com"))
                .plugin(mobile)
                .build();

        TrustedOrigins origins = TrustedOrigins.of(config);

        assertThat(origins.entries()).containsExactly("https://auth.example.com", "https://app.example.com", "myapp://");
        assertThat(origins.isTrustedOrigin("https://auth.example.com")).isTrue();
        assertThat(origins.isTrustedOrigin("myapp://")).isTrue();
    }

    @Test
    void anOriginIsNeverRelative() {
        TrustedOrigins origins = TrustedOrigins.of(List.of("https://app.example.com"));

        assertThat(origins.isTrustedOrigin("/dashboard")).isFalse();
        assertThat(origins.isTrustedRedirect("/dashboard")).isTrue();
        assertThat(origins.isTrustedOrigin("null")).isFalse();
        assertThat(origins.isTrustedOrigin("")).isFalse();
    }

    @Test
    void aRefererIsJudgedByItsOrigin() {
        TrustedOrigins origins = TrustedOrigins.of(List.of("https://app.example.com"));

        assertThat(origins.isTrustedOrigin("https://app.example.com/settings?tab=1")).isTrue();
    }

    @Test
    void anHttpEntryThatIsNotAnOriginStopsStartUpWithItsName() {
        for (String entry : List.of("https://app.example.com/callback", "https://user@app.example.com",
                "https://app.example.com#top", "https://", "https://app.example.com\n")) {
            assertThatThrownBy(() -> TrustedOrigins.of(List.of(entry)))
                    .as(entry)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("trustedOrigins: '");
        }
        assertThat(TrustedOrigins.of(List.of("https://app.example.com/")).isTrustedOrigin("https://app.example.com"))
                .isTrue();
    }
}
