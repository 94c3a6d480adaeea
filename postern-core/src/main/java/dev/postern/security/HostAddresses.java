package dev.postern.security;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IP-address hosts as the WHATWG URL standard reads and writes them, so a host is compared in the form a
 * browser will actually connect to: {@code 0x7f.1} is {@code 127.0.0.1}, {@code [0:0::1]} is {@code [::1]}.
 * IPv6 with an embedded IPv4 part is refused rather than normalised (no trusted origin is written so).
 */
final class HostAddresses {
    private static final BigInteger BYTE = BigInteger.valueOf(256);

    private HostAddresses() {
    }

    /** WHATWG "ends in a number": a host whose last label is numeric is an IPv4 address or invalid. */
    static boolean endsInANumber(String host) {
        List<String> parts = labels(host);
        if (parts.isEmpty()) {
            return false;
        }
        String last = parts.get(parts.size() - 1);
        return !last.isEmpty() && (last.chars().allMatch(c -> c >= '0' && c <= '9') || number(last) != null);
    }

    /** The dotted-decimal form of a WHATWG IPv4 host ({@code 0x7f.1}, {@code 2130706433}), or empty. */
    static Optional<String> ipv4(String host) {
        List<String> parts = labels(host);
        if (parts.isEmpty() || parts.size() > 4) {
            return Optional.empty();
        }
        List<BigInteger> numbers = new ArrayList<>();
        for (String part : parts) {
            BigInteger n = number(part);
            if (n == null) {
                return Optional.empty();
            }
            numbers.add(n);
        }
        for (int i = 0; i < numbers.size() - 1; i++) {
            if (numbers.get(i).compareTo(BigInteger.valueOf(255)) > 0) {
                return Optional.empty();
            }
        }
        BigInteger address = numbers.get(numbers.size() - 1);
        if (address.compareTo(BYTE.pow(5 - numbers.size())) >= 0) {
            return Optional.empty();
        }
        for (int i = 0; i < numbers.size() - 1; i++) {
            address = address.add(numbers.get(i).multiply(BYTE.pow(3 - i)));
        }
        long value = address.longValue();
        return Optional.of((value >> 24 & 255) + "." + (value >> 16 & 255) + "." + (value >> 8 & 255) + "." + (value & 255));
    }

    /** The compressed lower-case form of an IPv6 address written without brackets, or empty. */
    static Optional<String> ipv6(String text) {
        if (text.isEmpty() || text.indexOf('.') >= 0 || text.indexOf(":::") >= 0) {
            return Optional.empty();
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head = pieces(gap >= 0 ? text.substring(0, gap) : text);
        List<Integer> tail = gap >= 0 ? pieces(text.substring(gap + 2)) : List.of();
        if (head == null || tail == null || (gap < 0 ? head.size() != 8 : head.size() + tail.size() > 7)) {
            return Optional.empty();
        }
        int[] address = new int[8];
        for (int i = 0; i < head.size(); i++) {
            address[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            address[8 - tail.size() + i] = tail.get(i);
        }
        return Optional.of(serialise(address));
    }

    // WHATWG: drop one trailing empty label ("1.2.3.4." is "1.2.3.4").
    private static List<String> labels(String host) {
        List<String> parts = new ArrayList<>(List.of(host.split("\\.", -1)));
        if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    /** A WHATWG IPv4 number: decimal, {@code 0x} hexadecimal or leading-zero octal; null when not one. */
    private static BigInteger number(String part) {
        if (part.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.charAt(0) == '0') {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return BigInteger.ZERO;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 'z') {
                return null;
            }
        }
        return new BigInteger(digits, radix);
    }

    private static List<Integer> pieces(String text) {
        List<Integer> pieces = new ArrayList<>();
        if (text.isEmpty()) {
            return pieces;
        }
        for (String piece : text.split(":", -1)) {
            if (piece.isEmpty() || piece.length() > 4) {
                return null;
            }
            for (int i = 0; i < piece.length(); i++) {
                if (Character.digit(piece.charAt(i), 16) < 0 || piece.charAt(i) > 'f') {
                    return null;
                }
            }
            pieces.add(Integer.parseInt(piece, 16));
        }
        return pieces;
    }

    // The longest run of two or more zero pieces (the first of equals) becomes "::".
    private static String serialise(int[] address) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && address[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(Integer.toHexString(address[i]));
            if (i < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }
}
