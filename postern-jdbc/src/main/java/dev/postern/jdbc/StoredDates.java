package dev.postern.jdbc;

import dev.postern.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Dates as better-auth stores them where the database has no date type (SQLite): JavaScript's
 * {@code toISOString()} text on the way in, and on the way out whatever a database written by other
 * tools may hold, so one odd row never makes a table unreadable.
 */
final class StoredDates {

    private StoredDates() {
    }

    /** {@code 2026-11-26T18:06:06.303Z}: always three fraction digits and {@code Z}. */
    static String format(Instant instant) {
        return Json.jsDate(instant);
    }

    /**
     * Reads ISO-8601 with {@code Z} or an offset, SQLite's {@code YYYY-MM-DD HH:MM:SS[.SSS]} (UTC),
     * a bare date (midnight UTC), or epoch milliseconds as digits.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    static Instant parse(String text) {
        Instant canonical = canonical(text);
        if (canonical != null) {
            return canonical;
        }
        String s = text.trim();
        try {
            if (isEpochMillis(s)) {
                return Instant.ofEpochMilli(Long.parseLong(s));
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
            if (hasZone(iso)) {
                return Instant.parse(iso).truncatedTo(ChronoUnit.MILLIS);
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a date: a text of " + s.length() + " characters", e);
        }
    }

    /**
     * The fast path for the one form Postern and better-auth write ({@code 2026-11-26T18:06:06.303Z}), read
     * on every session lookup from SQLite: digits taken by position, no formatter. Null for any other text,
     * which the general path then reads.
     */
    private static Instant canonical(String s) {
        if (s.length() != 24 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != '.' || s.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int millis = digits(s, 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year)) || hour > 23 || minute > 59 || second > 59) {
            return null; // the general path reads it, or says why it is not a date
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
    }

    /** The {@code count} ASCII digits at {@code from} as a number, or -1 when any is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean isEpochMillis(String s) {
        if (s.isEmpty() || s.length() > 19) {
            return false;
        }
        for (int i = s.charAt(0) == '-' ? 1 : 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the time part ends in {@code Z} or a {@code ±HH:MM} offset (the date's own dashes do not count). */
    private static boolean hasZone(String iso) {
        if (iso.endsWith("Z")) {
            return true;
        }
        int t = iso.indexOf('T');
        return t > 0 && (iso.indexOf('+', t) > 0 || iso.indexOf('-', t) > 0);
    }
}
