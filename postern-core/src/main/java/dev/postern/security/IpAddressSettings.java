package dev.postern.security;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the client's IP address is read from and how it is grouped, as better-auth's
 * {@code advanced.ipAddress}: used for rate-limit keys and for {@code session.ipAddress}.
 *
 * @param headers request headers tried in order (default {@code x-forwarded-for}); an empty list reads no
 *     header and uses the connection's peer address only, the safe choice when clients connect directly
 * @param trustedProxies IPs or CIDR ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) of the proxies in front
 *     of Postern; when set, a header's comma list is walked from the right, skipping these, and the first
 *     other address is the client. Without them only a header holding a single address is believed
 * @param ipv6Subnet IPv6 addresses are masked to this prefix (default 64), so one client cannot rotate
 *     through the addresses of its own /64 to escape a limit; 128 keeps the whole address
 * @param disableIpTracking never determine an address: sessions record none and rate limiting is skipped
 */
public record IpAddressSettings(List<String> headers, List<String> trustedProxies, int ipv6Subnet,
                                boolean disableIpTracking) {
    public static final List<String> DEFAULT_HEADERS = List.of("x-forwarded-for");
    public static final int DEFAULT_IPV6_SUBNET = 64;

    public IpAddressSettings {
        headers = List.copyOf(Objects.requireNonNull(headers, "ipAddress.headers")).stream()
                .map(h -> {
                    if (h.isBlank()) {
                        throw new IllegalArgumentException("ipAddress.headers: a header name must not be empty");
                    }
                    return h.trim().toLowerCase(Locale.ROOT);
                })
                .toList();
        trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "ipAddress.trustedProxies"));
        for (String proxy : trustedProxies) {
            if (Cidr.parse(proxy).isEmpty()) {
                throw new IllegalArgumentException(
                        "ipAddress.trustedProxies: not an IP address or CIDR range: '" + proxy + "'");
            }
        }
        if (ipv6Subnet < 0 || ipv6Subnet > 128) {
            throw new IllegalArgumentException("ipAddress.ipv6Subnet: between 0 and 128, was " + ipv6Subnet);
        }
    }

    /** {@code x-forwarded-for}, no trusted proxies, IPv6 grouped by /64, tracking on. */
    public static IpAddressSettings defaults() {
        return new IpAddressSettings(DEFAULT_HEADERS, List.of(), DEFAULT_IPV6_SUBNET, false);
    }

    public IpAddressSettings withHeaders(List<String> headers) {
        return new IpAddressSettings(headers, trustedProxies, ipv6Subnet, disableIpTracking);
    }

    public IpAddressSettings withTrustedProxies(List<String> proxies) {
        return new IpAddressSettings(headers, proxies, ipv6Subnet, disableIpTracking);
    }

    public IpAddressSettings withIpv6Subnet(int prefix) {
        return new IpAddressSettings(headers, trustedProxies, prefix, disableIpTracking);
    }

    public IpAddressSettings withIpTrackingDisabled(boolean disabled) {
        return new IpAddressSettings(headers, trustedProxies, ipv6Subnet, disabled);
    }
}
