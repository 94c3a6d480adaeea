package dev.postern.security;

import java.util.Optional;

/**
 * An IP range, {@code 10.0.0.0/8} or {@code 2001:db8::/32}, or a single address written without a prefix.
 * Used to recognise trusted proxies. IPv4 and IPv6 ranges never match each other's addresses, except
 * that an IPv4-mapped IPv6 address counts as the IPv4 address it carries.
 */
public final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = IpAddresses.mask(network, prefix);
        this.prefix = prefix;
    }

    /**
     * Parses {@code address} or {@code address/prefix}; empty when the text is neither, or the prefix is not
     * plain digits within the address family (so a typo is refused instead of matching nothing).
     */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        int slash = trimmed.lastIndexOf('/');
        byte[] address = IpAddresses.toBytes(slash < 0 ? trimmed : trimmed.substring(0, slash));
        if (address == null) {
            return Optional.empty();
        }
        int bits = address.length * 8;
        if (slash < 0) {
            return Optional.of(new Cidr(address, bits));
        }
        String digits = trimmed.substring(slash + 1);
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(digits);
        return prefix <= bits ? Optional.of(new Cidr(address, prefix)) : Optional.empty();
    }

    /** Whether the address text lies in this range; false for text that is no address. */
    public boolean contains(String address) {
        byte[] bytes = IpAddresses.toBytes(address);
        return bytes != null && contains(bytes);
    }

    boolean contains(byte[] address) {
        return address.length == network.length
                && java.util.Arrays.equals(IpAddresses.mask(address, prefix), network);
    }

    @Override
    public String toString() {
        return IpAddresses.normalize(network, 128) + "/" + prefix;
    }
}
