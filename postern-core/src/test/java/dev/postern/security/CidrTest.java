package dev.postern.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Trusted-proxy ranges, as better-auth's {@code parseCIDR} and {@code matchesCIDR} read them. */
class CidrTest {

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    @Test
    void anIpv4RangeContainsTheAddressesUnderItsPrefix() {
        assertThat(cidr("172.16.0.0/12").contains("172.31.255.255")).isTrue();
        assertThat(cidr("172.16.0.0/12").contains("172.32.0.0")).isFalse();
        assertThat(cidr("0.0.0.0/0").contains("203.0.113.7")).isTrue();
    }

    @Test
    void anAddressWithoutPrefixIsARangeOfOne() {
        assertThat(cidr("127.0.0.1").contains("127.0.0.1")).isTrue();
        assertThat(cidr("127.0.0.1").contains("127.0.0.2")).isFalse();
        assertThat(cidr("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void anIpv6RangeContainsTheAddressesUnderItsPrefix() {
        assertThat(cidr("2001:db8::/32").contains("2001:db8:ffff::1")).isTrue();
        assertThat(cidr("2001:db8::/32").contains("2001:db9::1")).isFalse();
    }

    @Test
    void familiesDoNotMatchEachOtherExceptThroughIpv4MappedAddresses() {
        assertThat(cidr("::/0").contains("203.0.113.7")).isFalse();
        assertThat(cidr("10.0.0.0/8").contains("::ffff:10.1.2.3")).isTrue();
    }

    @Test
    void malformedRangesAreRefusedRatherThanMatchingNothing() {
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/-1")).isEmpty();
        assertThat(Cidr.parse("10.0.0/8")).isEmpty();
        assertThat(Cidr.parse("example.com")).isEmpty();
    }
}
