package dev.postern.security;

import java.util.Locale;

/**
 * Parses and normalises IP address text without ever resolving a host name (unlike
 * {@code InetAddress.getByName}, which would look a non-address up in DNS on the request path). Accepts
 * what better-auth's validators accept: dotted IPv4 without leading zeros, and IPv6 in full or
 * {@code ::}-compressed form, optionally ending in dotted IPv4; no brackets, ports or zone ids.
 */
final class IpAddresses {
    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;

    private IpAddresses() {
    }

    /**
     * The address's bytes: 4 for IPv4 and for IPv4-mapped IPv6 ({@code ::ffff:192.0.2.1}), which is the
     * same client arriving over a dual-stack socket; 16 for other IPv6. Null when the text is no address.
     */
    static byte[] toBytes(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] v4 = parseIpv4(text);
        if (v4 != null) {
            return v4;
        }
        byte[] v6 = parseIpv6(text);
        if (v6 == null) {
            return null;
        }
        return isIpv4Mapped(v6) ? java.util.Arrays.copyOfRange(v6, 12, 16) : v6;
    }

    /**
     * The form used in rate-limit keys and on sessions, as better-auth writes it: IPv4 dotted;
     * IPv6 as eight four-digit lower-case groups with every bit past {@code ipv6Subnet} cleared
     * ({@code 2001:0db8:0000:0000:0000:0000:0000:0000} for {@code 2001:db8::1} at /64).
     */
    static String normalize(byte[] address, int ipv6Subnet) {
        if (address.length == IPV4_BYTES) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        byte[] masked = mask(address, ipv6Subnet);
        StringBuilder out = new StringBuilder(39);
        for (int group = 0; group < 8; group++) {
            if (group > 0) {
                out.append(':');
            }
            int value = ((masked[group * 2] & 0xff) << 8) | (masked[group * 2 + 1] & 0xff);
            String hex = Integer.toHexString(value);
            out.append("0".repeat(4 - hex.length())).append(hex);
        }
        return out.toString();
    }

    /** Keeps the first {@code prefix} bits and clears the rest. */
    static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != IPV4_BYTES) {
            return null;
        }
        byte[] out = new byte[IPV4_BYTES];
        for (int i = 0; i < IPV4_BYTES; i++) {
            int octet = parseOctet(parts[i]);
            if (octet < 0) {
                return null;
            }
            out[i] = (byte) octet;
        }
        return out;
    }

    /** 0-255 in decimal without leading zeros (an octal-looking {@code 010} is refused), or -1. */
    private static int parseOctet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static byte[] parseIpv6(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.indexOf(':') < 0 || lower.contains(":::")) {
            return null;
        }
        int doubleColon = lower.indexOf("::");
        if (doubleColon >= 0 && lower.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? lower.substring(0, doubleColon) : lower;
        String tail = doubleColon >= 0 ? lower.substring(doubleColon + 2) : "";
        int[] headGroups = parseGroups(head, doubleColon < 0);
        int[] tailGroups = parseGroups(tail, true);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? total != 8 : total > 7) {
            return null;
        }
        int[] groups = new int[8];
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        byte[] out = new byte[IPV6_BYTES];
        for (int g = 0; g < 8; g++) {
            out[g * 2] = (byte) (groups[g] >> 8);
            out[g * 2 + 1] = (byte) groups[g];
        }
        return out;
    }

    /**
     * Colon-separated hex groups; when {@code mayEndInIpv4}, the last one may be dotted IPv4 and then
     * counts as two groups. Null when malformed; an empty string is no groups.
     */
    private static int[] parseGroups(String part, boolean mayEndInIpv4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        boolean endsInIpv4 = mayEndInIpv4 && pieces[pieces.length - 1].indexOf('.') >= 0;
        int count = pieces.length + (endsInIpv4 ? 1 : 0);
        int[] groups = new int[count];
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (endsInIpv4 && i == pieces.length - 1) {
                byte[] v4 = parseIpv4(piece);
                if (v4 == null) {
                    return null;
                }
                groups[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                groups[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                continue;
            }
            if (piece.isEmpty() || piece.length() > 4) {
                return null;
            }
            int value = 0;
            for (int c = 0; c < piece.length(); c++) {
                int digit = Character.digit(piece.charAt(c), 16);
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            groups[i] = value;
        }
        return groups;
    }
}
