package dev.postern.plugin.jwt;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * better-auth's time strings ({@code "15m"}, {@code "1 hour"}, {@code "7d"}, {@code "2 hours ago"}) as its
 * {@code ms}/{@code sec} helpers read them, for {@code jwt.expirationTime}.
 */
final class TimeSpans {
    private static final Pattern SPAN = Pattern.compile(
            "^([+-])? ?(\\d+|\\d+\\.\\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|months?|mo"
                    + "|years?|yrs?|y)(?: (ago|from now))?$", Pattern.CASE_INSENSITIVE);
    private static final long DAY = 86_400;

    private TimeSpans() {
    }

    /** The span in seconds (rounded down, as better-auth's {@code sec}); an IllegalArgumentException names bad input. */
    static long seconds(String text) {
        Matcher m = SPAN.matcher(text);
        if (!m.matches() || (m.group(4) != null && m.group(1) != null)) {
            throw new IllegalArgumentException("Invalid time string format: \"" + text
                    + "\". Use formats like \"7d\", \"30m\", \"1 hour\", etc.");
        }
        BigDecimal n = new BigDecimal(m.group(2));
        String unit = m.group(3).toLowerCase(Locale.ROOT);
        BigDecimal unitSeconds = switch (unit) {
            case "years", "year", "yrs", "yr", "y" -> BigDecimal.valueOf(DAY).multiply(new BigDecimal("365.25"));
            case "months", "month", "mo" -> BigDecimal.valueOf(DAY * 30);
            case "weeks", "week", "w" -> BigDecimal.valueOf(DAY * 7);
            case "days", "day", "d" -> BigDecimal.valueOf(DAY);
            case "hours", "hour", "hrs", "hr", "h" -> BigDecimal.valueOf(3600);
            case "minutes", "minute", "mins", "min", "m" -> BigDecimal.valueOf(60);
            default -> BigDecimal.ONE;
        };
        long seconds = n.multiply(unitSeconds).longValue();
        boolean negative = "-".equals(m.group(1)) || "ago".equals(m.group(4));
        return negative ? -seconds : seconds;
    }

    static Duration duration(String text) {
        return Duration.ofSeconds(seconds(text));
    }
}
