package dev.postern.jdbc;

import dev.postern.json.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
