package dev.postern.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value conversions, date texts, LIKE escaping and LIMIT/OFFSET rendering, without a database. */
class SqlValuesTest {

    @Test
    void jsDatesFormatLikeToIsoStringAndParseTolerantly() {
        Instant instant = Instant.parse("2026-11-26T18:06:06.303Z");

        assertThat(StoredDates.format(instant)).isEqualTo("2026-11-26T18:06:06.303Z");
        assertThat(StoredDates.format(Instant.parse("2026-11-26T18:06:06Z"))).isEqualTo("2026-11-26T18:06:06.000Z");
        assertThat(StoredDates.parse("2026-11-26T18:06:06.303Z")).isEqualTo(instant);
        assertThat(StoredDates.parse("2026-11-26 18:06:06.303")).isEqualTo(instant);
        assertThat(StoredDates.parse("2026-11-26T19:06:06.303+01:00")).isEqualTo(instant);
        assertThat(StoredDates.parse("1795716366303")).isEqualTo(instant);
        assertThat(StoredDates.parse("2026-11-26")).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(StoredDates.parse("2026-11-26T18:06:06.303456Z")).isEqualTo(instant);
        assertThatThrownBy(() -> StoredDates.parse("yesterday")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("yesterday");
    }

    /** The position-based fast path for the canonical form reads what the JDK's ISO parser reads. */
    @Test
    void canonicalDatesReadAsTheIsoParserReadsThem() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(24);
        for (int i = 0; i < 50_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 253_000_000_000_000L));
            String text = StoredDates.format(instant);
            assertThat(StoredDates.parse(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(StoredDates.parse("2024-02-29T23:59:59.999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999Z"));
        assertThatThrownBy(() -> StoredDates.parse("2023-02-29T00:00:00.000Z")).isInstanceOf(IllegalArgumentException.class);
        // Forms the fast path leaves to the JDK's parser, read as before: the end of the day is the next midnight.
        assertThat(StoredDates.parse("2023-01-01T24:00:00.000Z")).isEqualTo(Instant.parse("2023-01-02T00:00:00Z"));
    }

    @Test
    void numbersBecomeLongUnlessFractional() {
        assertThat(JavaValues.number(7)).isEqualTo(7L);
        assertThat(JavaValues.number(7.0)).isEqualTo(7L);
        assertThat(JavaValues.number(7.5)).isEqualTo(7.5);
        assertThat(JavaValues.number(new java.math.BigDecimal("12.000"))).isEqualTo(12L);
        assertThat(JavaValues.number("42")).isEqualTo(42L);
        assertThatThrownBy(() -> JavaValues.number("forty-two")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("forty");
    }

    @Test
    void booleansAndDatesAcceptTheirCommonEncodings() {
        assertThat(JavaValues.bool(1)).isTrue();
        assertThat(JavaValues.bool(0L)).isFalse();
        assertThat(JavaValues.bool("true")).isTrue();
        assertThat(JavaValues.instant(LocalDateTime.parse("2026-11-26T18:06:06.303999")))
                .isEqualTo(Instant.parse("2026-11-26T18:06:06.303Z"));
        assertThat(JavaValues.instant(1795716366303L)).isEqualTo(Instant.parse("2026-11-26T18:06:06.303Z"));
        assertThatThrownBy(() -> JavaValues.bool("maybe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arraysAcceptListsAndJavaArrays() {
        assertThat(JavaValues.stringList(new String[] {"a", "b"})).isEqualTo(List.of("a", "b"));
        assertThat(JavaValues.numberList(new int[] {1, 2})).isEqualTo(List.of(1L, 2L));
        assertThat(JavaValues.numberList(List.of(1, 2.0))).isEqualTo(List.of(1L, 2L));
        assertThatThrownBy(() -> JavaValues.stringList("a,b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void likeEscapingCoversWildcardsAndTheEscapeCharacter() {
        assertThat(WhereSql.escapeLike("100%_done!")).isEqualTo("100!%!_done!!");
        assertThat(WhereSql.escapeLike("plain")).isEqualTo("plain");
    }

    @Test
    void offsetWithoutLimitGetsTheDialectsUnboundedLimit() {
        assertThat(Dialect.SQLITE.limitOffset(null, 5)).isEqualTo(" LIMIT -1 OFFSET 5");
        assertThat(Dialect.MYSQL.limitOffset(null, 5)).isEqualTo(" LIMIT 18446744073709551615 OFFSET 5");
        assertThat(Dialect.POSTGRES.limitOffset(null, 5)).isEqualTo(" OFFSET 5");
        assertThat(Dialect.POSTGRES.limitOffset(10, null)).isEqualTo(" LIMIT 10");
        assertThat(Dialect.SQLITE.limitOffset(null, null)).isEmpty();
    }

    @Test
    void credentialsInTheUrlMoveOutOfIt() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app:p%40ss@db.internal:5432/auth?sslmode=require")
                .withUserInfoAsCredentials();

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/auth?sslmode=require");
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("p@ss");
        assertThat(DatabaseUrl.parse("jdbc:mariadb://db/auth?user=x").withUserInfoAsCredentials().jdbcUrl())
                .isEqualTo("jdbc:mariadb://db/auth?user=x");
        assertThat(DatabaseUrl.parse("mysql://root@db/auth").withCredentials(null, "given").withUserInfoAsCredentials())
                .extracting(DatabaseUrl::user, DatabaseUrl::password).containsExactly("root", "given");
    }
}
