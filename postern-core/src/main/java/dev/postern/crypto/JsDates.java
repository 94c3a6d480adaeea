package dev.postern.crypto;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript date text: {@code Date.prototype.toISOString} and the date revival that better-auth's
 * {@code safeJSONParse} applies to every string of a parsed cookie cache. Revival matters for byte
 * compatibility: better-auth re-serialises the revived object before checking the compact signature,
 * so {@code "2024-01-01T00:00:00Z"} is signed as {@code "2024-01-01T00:00:00.000Z"}.
 */
public final class JsDates {
    /** better-auth's {@code iso8601Regex}; {@code \d} is ASCII-only in both languages. */
    private static final Pattern ISO_8601 =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?Z");

    private JsDates() {
    }

    /** {@code new Date(instant).toISOString()}: millisecond precision, six-digit signed years outside 0..9999. */
    public static String toIsoString(Instant instant) {
        // Every session response and cookie cache prints several dates: digits appended by hand, not formatted.
        LocalDateTime t = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(27);
        int year = t.getYear();
        if (year >= 0 && year <= 9999) {
            pad(out, year, 4);
        } else {
            out.append(year < 0 ? '-' : '+');
            pad(out, Math.abs(year), 6);
        }
        out.append('-');
        pad(out, t.getMonthValue(), 2);
        out.append('-');
        pad(out, t.getDayOfMonth(), 2);
        out.append('T');
        pad(out, t.getHour(), 2);
        out.append(':');
        pad(out, t.getMinute(), 2);
        out.append(':');
        pad(out, t.getSecond(), 2);
        out.append('.');
        pad(out, t.getNano() / 1_000_000, 3);
        return out.append('Z').toString();
    }

    /** Appends {@code value} (non-negative) with leading zeros to {@code width} ASCII digits. */
    private static void pad(StringBuilder out, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    /**
     * The instant a string denotes when better-auth would revive it into a {@code Date}: it must match
     * {@code iso8601Regex} and be a date V8 accepts: months 1-12, days 1-31 rolling over into the next
     * month, hour 24 only with every other field and fraction digit zero, seconds up to 59; fraction
     * digits past the milliseconds are dropped.
     */
    public static Optional<Instant> revive(String text) {
        // Most strings revival sees (names, ids, tokens) are not dates: reject them before the regex.
        if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T' || text.charAt(text.length() - 1) != 'Z') {
            return Optional.empty();
        }
        Matcher m = ISO_8601.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        String fraction = m.group(7) == null ? "" : m.group(7);
        int millis = Integer.parseInt((fraction + "000").substring(0, 3));
        // V8 looks at every fraction digit here, not only the milliseconds it keeps.
        boolean endOfDay = hour == 24 && minute == 0 && second == 0 && fraction.chars().allMatch(c -> c == '0');
        if (month < 1 || month > 12 || day < 1 || day > 31 || (hour > 23 && !endOfDay) || minute > 59 || second > 59) {
            return Optional.empty();
        }
        LocalDateTime time = LocalDateTime.of(year, month, 1, 0, 0)
                .plusDays(day - 1L)
                .plusHours(hour)
                .plusMinutes(minute)
                .plusSeconds(second)
                .plusNanos(millis * 1_000_000L);
        return Optional.of(time.toInstant(ZoneOffset.UTC));
    }

    /** The string as {@code JSON.stringify} prints it after revival: canonical ISO text for dates, else unchanged. */
    public static String canonical(String text) {
        return revive(text).map(JsDates::toIsoString).orElse(text);
    }
}
