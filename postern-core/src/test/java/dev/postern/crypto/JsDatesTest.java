package dev.postern.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
}
