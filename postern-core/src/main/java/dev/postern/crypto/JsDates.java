package dev.postern.crypto;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * JavaScript date text: {@code Date.prototype.toISOString} and the date revival that better-auth's
 * {@code safeJSONParse} applies to every string of a parsed cookie cache. Revival matters for byte
 * compatibility: better-auth re-serialises the revived object before checking the compact signature,
 * so {@code "2024-01-01T00:00:00Z"} is signed as {@code "2024-01-01T00:00:00.000Z"}.
 */
public final class JsDates {
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
     * {@code iso8601Regex} ({@code \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z}, ASCII digits) and be a
     * date V8 accepts: months 1-12, days 1-31 rolling over into the next month, hour 24 only with every
     * other field and fraction digit zero, seconds up to 59; fraction digits past the milliseconds are dropped.
     *
     * <p>Parsed by hand rather than with the regex: every cached session revives every string it holds
     * several times, and the regex was a quarter of a cookie-cache read (JFR). The test checks this parser
     * against the regex on generated strings.
     */
    public static Optional<Instant> revive(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':'
                || (length > 20 && text.charAt(19) != '.')) {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return Optional.empty();
        }
        int millis = 0;
        boolean fractionIsZero = true;
        for (int i = 20; i < length - 1; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return Optional.empty();
            }
            if (i < 23) {
                millis = millis * 10 + digit;
            }
            fractionIsZero &= digit == 0;
        }
        for (int i = length - 1; i < 23 && length > 20; i++) {
            millis *= 10;
        }
        // V8 looks at every fraction digit here, not only the milliseconds it keeps.
        boolean endOfDay = hour == 24 && minute == 0 && second == 0 && fractionIsZero;
        if (month < 1 || month > 12 || day < 1 || day > 31 || (hour > 23 && !endOfDay) || minute > 59 || second > 59) {
            return Optional.empty();
        }
        long epochDay = LocalDate.of(year, month, 1).toEpochDay() + day - 1;
        long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
        return Optional.of(Instant.ofEpochSecond(epochSecond, millis * 1_000_000L));
    }

    /** The {@code count} ASCII digits at {@code from} as a number, or -1 when any is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The string as {@code JSON.stringify} prints it after revival: canonical ISO text for dates, else unchanged. */
    public static String canonical(String text) {
        return revive(text).map(JsDates::toIsoString).orElse(text);
    }
}
