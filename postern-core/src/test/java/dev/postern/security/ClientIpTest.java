package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postern.http.AuthRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which client a request comes from: better-auth-wire.md §9.3 and better-auth's {@code utils/ip}. */
class ClientIpTest {
    private static final IpAddressSettings DEFAULTS = IpAddressSettings.defaults();
    private static final IpAddressSettings BEHIND_PRIVATE_PROXIES =
            DEFAULTS.withTrustedProxies(List.of("10.0.0.0/8", "2001:db8:ffff::/48"));

    private static Optional<String> resolve(IpAddressSettings settings, boolean production, AuthRequest request) {
        return new ClientIp(settings, production).resolve(request);
    }

    private static AuthRequest.Builder request() {
        return AuthRequest.builder("POST", "/api/auth/sign-in/email");
    }

    @Test
    void aSingleForwardedAddressIsTheClientWithoutTrustedProxies() {
        AuthRequest request = request().header("X-Forwarded-For", " 203.0.113.7 ").clientAddress("10.0.0.2").build();

        assertThat(resolve(DEFAULTS, true, request)).contains("203.0.113.7");
    }

    @Test
    void aForwardedListIsNotBelievedWithoutTrustedProxiesSoThePeerIsUsed() {
        AuthRequest request = request().header("X-Forwarded-For", "203.0.113.7, 10.0.0.1").clientAddress("10.0.0.2").build();

        assertThat(resolve(DEFAULTS, true, request)).contains("10.0.0.2");
    }

    @Test
    void repeatedHeaderLinesFormOneListAsFetchJoinsThem() {
        AuthRequest request = request().header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-For", "198.51.100.1")
                .build();

        assertThat(resolve(DEFAULTS, true, request)).isEmpty();
    }

    @Test
    void valuesThatAreNotAddressesAreIgnored() {
        for (String value : List.of("unknown", "203.0.113.7:443", "[2001:db8::1]", "010.0.0.1", "256.1.1.1", "fe80::1%eth0",
                "1:2:3:4:5:6:7:8:9", "::1::", "1.2.3.4::", "1::2:3:4:5:6:7:8")) {
            AuthRequest request = request().header("X-Forwarded-For", value).build();
            assertThat(resolve(DEFAULTS, true, request)).as(value).isEmpty();
        }
    }

    @Test
    void configuredHeadersAreTriedInOrderAndTheDefaultHeaderIsThenIgnored() {
        IpAddressSettings settings = DEFAULTS.withHeaders(List.of("CF-Connecting-IP", "X-Real-IP"));
        AuthRequest both = request().header("X-Forwarded-For", "198.51.100.9").header("X-Real-IP", "203.0.113.8")
                .header("CF-Connecting-IP", "203.0.113.7").build();
        AuthRequest realIpOnly = request().header("X-Forwarded-For", "198.51.100.9").header("X-Real-IP", "203.0.113.8").build();

        assertThat(resolve(settings, true, both)).contains("203.0.113.7");
        assertThat(resolve(settings, true, realIpOnly)).contains("203.0.113.8");
    }

    @Test
    void anEmptyHeaderListUsesOnlyThePeerAddress() {
        AuthRequest request = request().header("X-Forwarded-For", "203.0.113.7").clientAddress("198.51.100.4").build();

        assertThat(resolve(DEFAULTS.withHeaders(List.of()), true, request)).contains("198.51.100.4");
    }

    @Test
    void withTrustedProxiesTheListIsWalkedFromTheRightSkippingTrustedHops() {
        AuthRequest request = request().header("X-Forwarded-For", "6.6.6.6, 198.51.100.2, 10.1.2.3, 10.0.0.5")
                .clientAddress("10.0.0.1").build();

        assertThat(resolve(BEHIND_PRIVATE_PROXIES, true, request)).contains("198.51.100.2");
    }

    @Test
    void trustedProxyRangesMayBeIpv6() {
        AuthRequest request = request().header("X-Forwarded-For", "2001:db8:1:2::5, 2001:db8:ffff:1::1")
                .clientAddress("2001:db8:ffff::9").build();

        assertThat(resolve(BEHIND_PRIVATE_PROXIES, true, request)).contains("2001:0db8:0001:0002:0000:0000:0000:0000");
    }

    @Test
    void aMalformedHopEndsTheWalkWithoutAnAddress() {
        AuthRequest request = request().header("X-Forwarded-For", "198.51.100.2, garbage, 10.0.0.5")
                .clientAddress("10.0.0.1").build();

        assertThat(resolve(BEHIND_PRIVATE_PROXIES, true, request)).isEmpty();
    }

    @Test
    void aChainOfOnlyTrustedHopsNamesNoClient() {
        AuthRequest request = request().header("X-Forwarded-For", "10.9.9.9, 10.0.0.5").clientAddress("10.0.0.1").build();

        assertThat(resolve(BEHIND_PRIVATE_PROXIES, true, request)).isEmpty();
    }

    @Test
    void withTrustedProxiesAPeerThatIsNoProxyIsTheClientWhateverItsHeadersSay() {
        AuthRequest request = request().header("X-Forwarded-For", "203.0.113.7").clientAddress("198.51.100.66").build();

        assertThat(resolve(BEHIND_PRIVATE_PROXIES, true, request)).contains("198.51.100.66");
    }

    @Test
    void ipv4MappedIpv6BecomesTheIpv4Address() {
        assertThat(resolve(DEFAULTS, true, request().header("X-Forwarded-For", "::ffff:192.0.2.1").build()))
                .contains("192.0.2.1");
        assertThat(resolve(DEFAULTS, true, request().header("X-Forwarded-For", "::FFFF:c000:0201").build()))
                .contains("192.0.2.1");
        assertThat(resolve(DEFAULTS, true, request().clientAddress("[::ffff:127.0.0.1]").build())).contains("127.0.0.1");
    }

    @Test
    void ipv4MappedHopsAreMatchedAgainstIpv4TrustedProxies() {
        AuthRequest request = request().header("X-Forwarded-For", "198.51.100.2, ::ffff:10.0.0.5")
                .clientAddress("::ffff:10.0.0.1").build();

        assertThat(resolve(BEHIND_PRIVATE_PROXIES, true, request)).contains("198.51.100.2");
    }

    @Test
    void ipv6AddressesOfOneSlash64AreOneClient() {
        AuthRequest first = request().header("X-Forwarded-For", "2001:db8:abcd:12:1:2:3:4").build();
        AuthRequest second = request().header("X-Forwarded-For", "2001:DB8:ABCD:12:ffff::1").build();

        assertThat(resolve(DEFAULTS, true, first)).contains("2001:0db8:abcd:0012:0000:0000:0000:0000");
        assertThat(resolve(DEFAULTS, true, second)).isEqualTo(resolve(DEFAULTS, true, first));
    }

    @Test
    void ipv6SubnetIsConfigurable() {
        AuthRequest request = request().header("X-Forwarded-For", "2001:db8:abcd:12:1:2:3:4").build();

        assertThat(resolve(DEFAULTS.withIpv6Subnet(128), true, request)).contains("2001:0db8:abcd:0012:0001:0002:0003:0004");
        assertThat(resolve(DEFAULTS.withIpv6Subnet(36), true, request)).contains("2001:0db8:a000:0000:0000:0000:0000:0000");
    }

    @Test
    void disableIpTrackingNeverNamesAnAddressEvenInDevelopment() {
        AuthRequest request = request().header("X-Forwarded-For", "203.0.113.7").clientAddress("198.51.100.4").build();

        assertThat(resolve(DEFAULTS.withIpTrackingDisabled(true), false, request)).isEmpty();
    }

    @Test
    void withoutAnyAddressDevelopmentUsesLoopbackAndProductionNone() {
        AuthRequest request = request().header("X-Forwarded-For", " , ").build();

        assertThat(resolve(DEFAULTS, false, request)).contains("127.0.0.1");
        assertThat(resolve(DEFAULTS, true, request)).isEmpty();
        assertThat(new ClientIp(DEFAULTS, true).forSession(request)).isEmpty();
    }

    @Test
    void trustedProxiesThatAreNotAddressesOrRangesAreRefusedAtConfiguration() {
        for (String bad : List.of("10.0.0.0/33", "proxy.internal", "10.0.0.0/", "10.0.0.0/+8", "2001:db8::/129")) {
            assertThatThrownBy(() -> DEFAULTS.withTrustedProxies(List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ipAddress.trustedProxies");
        }
    }
}
