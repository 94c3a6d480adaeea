package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsDatesTest {

    @Test
    void toIsoStringHasMillisecondsAndSixDigitYearsOutsideZeroToNineThousandNineHundredNinetyNine() {
        assertThat(JsDates.toIsoString(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(JsDates.toIsoString(Instant.ofEpochMilli(-1))).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(JsDates.toIsoString(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+010000-01-01T00:00:00.000Z");
        assertThat(JsDates.toIsoString(Instant.parse("-0001-01-01T00:00:00Z"))).isEqualTo("-000001-01-01T00:00:00.000Z");
    }

    @Test
    void revivalFollowsBetterAuthsRegexAndV8sDateRules() {
        // Expectations are what `new Date(s).toISOString()` prints in Node 20.
        assertThat(JsDates.canonical("2024-01-01T00:00:00Z")).isEqualTo("2024-01-01T00:00:00.000Z");
        assertThat(JsDates.canonical("2024-01-01T00:00:00.1Z")).isEqualTo("2024-01-01T00:00:00.100Z");
        assertThat(JsDates.canonical("2024-01-01T00:00:00.123456Z")).isEqualTo("2024-01-01T00:00:00.123Z");
        assertThat(JsDates.canonical("2024-02-30T00:00:00Z")).isEqualTo("2024-03-01T00:00:00.000Z");
        assertThat(JsDates.canonical("2024-01-01T24:00:00Z")).isEqualTo("2024-01-02T00:00:00.000Z");
        assertThat(JsDates.canonical("9999-12-31T24:00:00Z")).isEqualTo("+010000-01-01T00:00:00.000Z");
        assertThat(JsDates.canonical("0000-01-01T00:00:00Z")).isEqualTo("0000-01-01T00:00:00.000Z");
    }

    @Test
    void stringsThatAreNotDatesAreLeftAlone() {
        for (String text : new String[] {"2024-01-01T23:59:60Z", "2024-13-01T00:00:00Z", "2024-01-00T00:00:00Z",
                "2024-01-32T00:00:00Z", "2024-01-01T24:00:01Z", "2024-01-01T24:00:00.0001Z", "2024-01-01T00:60:00Z", "2024-01-01T00:00:00",
                "2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00Z\n", "x2024-01-01T00:00:00Z", "hello"}) {
            assertThat(JsDates.revive(text)).as(text).isEmpty();
            assertThat(JsDates.canonical(text)).isEqualTo(text);
        }
    }

    /**
     * The hand-written parser against a straightforward reference built on better-auth's regex, on dates
     * mutated at random (digits, separators, lengths, fractions, non-ASCII digits).
     */
    @Test
    void revivalAgreesWithTheRegexReferenceOnGeneratedStrings() {
        SplittableRandom random = new SplittableRandom(8601);
        String alphabet = "0123456789-T:.Z+ x\u0663";
        int revived = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
                    random.nextInt(10_000), random.nextInt(15), random.nextInt(34), random.nextInt(26),
                    random.nextInt(62), random.nextInt(62)));
            int fraction = random.nextInt(-1, 8);
            if (fraction >= 0) {
                text.append('.');
                for (int f = 0; f < fraction; f++) {
                    text.append(random.nextInt(3) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
                }
            }
            text.append('Z');
            for (int m = random.nextInt(3); m > 0; m--) {
                int at = random.nextInt(text.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> { if (at < text.length()) text.deleteCharAt(at); }
                    default -> { if (at < text.length()) text.setCharAt(at, c); }
                }
            }
            Optional<Instant> expected = reference(text.toString());
            assertThat(JsDates.revive(text.toString())).as(text.toString()).isEqualTo(expected);
            revived += expected.isPresent() ? 1 : 0;
        }
        assertThat(revived).as("the generator must produce valid dates too").isGreaterThan(20_000);
    }

    private static final Pattern ISO_8601 =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?Z");

    /** The rules of the documentation, spelled out with the regex and java.time's arithmetic. */
    private static Optional<Instant> reference(String text) {
        Matcher m = ISO_8601.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        int second = Integer.parseInt(m.group(6));
        String fraction = m.group(7) == null ? "" : m.group(7);
        boolean endOfDay = hour == 24 && minute == 0 && second == 0 && fraction.chars().allMatch(c -> c == '0');
        if (month < 1 || month > 12 || day < 1 || day > 31 || (hour > 23 && !endOfDay) || minute > 59 || second > 59) {
            return Optional.empty();
        }
        return Optional.of(LocalDateTime.of(Integer.parseInt(m.group(1)), month, 1, 0, 0).plusDays(day - 1L)
                .plusHours(hour).plusMinutes(minute).plusSeconds(second)
                .plusNanos(Integer.parseInt((fraction + "000").substring(0, 3)) * 1_000_000L)
                .toInstant(ZoneOffset.UTC));
    }
}
