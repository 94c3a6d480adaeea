package dev.postern.jdbc;

import static dev.postern.jdbc.ConformanceSchema.GADGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.postern.schema.CoreSchema;
import dev.postern.store.Row;
import dev.postern.store.Where;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Store conformance: {@code create}, and that every logical type reads back as the Java type it was written as. */
interface CreateConformance extends StoreFixture {

    @Test
    default void createWhenIdAbsentThenGeneratesBetterAuthStyleId() {
        Row row = gadget("alpha");

        assertThat(row.id()).matches("[a-zA-Z0-9]{32}");
        assertThat(store().findOne(GADGET, Where.eq("id", row.id()))).contains(row);
    }

    @Test
    default void createWhenIdGivenThenKeepsIt() {
        Row row = gadget("alpha", "id", "my-own-id");

        assertThat(row.id()).isEqualTo("my-own-id");
        assertThat(store().findOne(GADGET, Where.eq("id", "my-own-id"))).isPresent();
    }

    @Test
    default void createWhenFieldsAbsentThenAppliesSchemaDefaultsAndNullsTheRest() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Row row = gadget("alpha");

        assertThat(row.bool("active")).isTrue();
        assertThat(row.instant("createdAt")).isBetween(before, Instant.now());
        assertThat(row.get("label")).isNull();
        assertThat(row.values()).containsKeys("id", "name", "code", "label", "score", "big", "active", "seenAt",
                "meta", "tags", "lucky", "createdAt");
        assertThat(store().findOne(GADGET, Where.eq("id", row.id()))).contains(row);
    }

    @Test
    default void createWhenBothTimestampsDefaultThenTheyAreEqualAsBetterAuthWritesThem() {
        Row user = store().create(CoreSchema.USER, Map.of("name", "Ada", "email", "ada-defaults@example.com"));

        assertThat(user.instant("createdAt")).isNotNull().isEqualTo(user.instant("updatedAt"));
    }

    @Test
    default void createWhenDefaultedFieldGivenThenKeepsTheGivenValue() {
        Row row = gadget("alpha", "active", false, "createdAt", T0);

        assertThat(row.bool("active")).isFalse();
        assertThat(row.instant("createdAt")).isEqualTo(T0);
    }

    @Test
    default void createWhenUnknownFieldThenIllegalArgumentNamingModelAndField() {
        assertThatThrownBy(() -> gadget("alpha", "colour", "red"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour")
                .hasMessageContaining(GADGET);
        assertThat(store().count(GADGET, Where.all())).isZero();
    }

    @Test
    default void booleansRoundTrip() {
        Row on = gadget("on", "active", true);
        Row off = gadget("off", "active", false);

        assertThat(read(on).get("active")).isEqualTo(Boolean.TRUE);
        assertThat(read(off).get("active")).isEqualTo(Boolean.FALSE);
    }

    @Test
    default void datesRoundTripWithMillisecondPrecision() {
        Row row = gadget("alpha", "seenAt", T0.plusNanos(456_789));

        assertThat(row.instant("seenAt")).isEqualTo(T0);
        assertThat(read(row).get("seenAt")).isEqualTo(T0);
    }

    @Test
    default void datesAcceptJavaUtilDateAndOffsetDateTime() {
        Row fromDate = gadget("date", "seenAt", Date.from(T0));
        Row fromOffset = gadget("offset", "seenAt", OffsetDateTime.ofInstant(T0, ZoneOffset.ofHours(-7)));

        assertThat(read(fromDate).instant("seenAt")).isEqualTo(T0);
        assertThat(read(fromOffset).instant("seenAt")).isEqualTo(T0);
    }

    @Test
    default void numbersReadBackAsLongWhateverTheInputType() {
        Row row = gadget("alpha", "score", 42, "big", 9_007_199_254_740_991L);

        assertThat(read(row).get("score")).isEqualTo(42L);
        assertThat(read(row).get("big")).isEqualTo(9_007_199_254_740_991L);
        assertThat(read(gadget("negative", "score", (short) -3)).get("score")).isEqualTo(-3L);
    }

    @Test
    default void jsonRoundTripsAsJacksonMapsIt() {
        Map<String, Object> meta = Map.of("plan", "pro", "seats", 5, "flags", List.of(true, "beta"),
                "nested", Map.of("empty", Map.of()));

        Row row = gadget("alpha", "meta", meta);

        assertThat(row.get("meta")).isEqualTo(meta);
        assertThat(read(row).get("meta")).isEqualTo(meta);
    }

    @Test
    default void jsonScalarsAndListsRoundTrip() {
        assertThat(read(gadget("text", "meta", "just a string")).get("meta")).isEqualTo("just a string");
        assertThat(read(gadget("list", "meta", List.of(1, 2))).get("meta")).isEqualTo(List.of(1, 2));
        assertThat(read(gadget("flag", "meta", true)).get("meta")).isEqualTo(true);
    }

    @Test
    default void stringAndNumberArraysRoundTrip() {
        Row row = gadget("alpha", "tags", List.of("a", "b, c", "\"quoted\"", "ünï"), "lucky", List.of(7, 13L));

        Row read = read(row);
        assertThat(read.get("tags")).isEqualTo(List.of("a", "b, c", "\"quoted\"", "ünï"));
        assertThat(read.get("lucky")).isEqualTo(List.of(7L, 13L));
        assertThat(row.get("lucky")).isEqualTo(List.of(7L, 13L));
    }

    @Test
    default void emptyArraysAndNullsRoundTrip() {
        Row row = gadget("alpha", "tags", List.of(), "meta", null, "seenAt", null);

        Row read = read(row);
        assertThat(read.get("tags")).isEqualTo(List.of());
        assertThat(read.get("meta")).isNull();
        assertThat(read.get("seenAt")).isNull();
    }

    @Test
    default void createdRowEqualsTheRowReadBack() {
        Row row = gadget("alpha", "code", "A-1", "label", "first", "score", 3, "big", 1L << 40, "active", false,
                "seenAt", T0, "meta", Map.of("k", "v"), "tags", List.of("x"), "lucky", List.of(1));

        assertThat(read(row)).isEqualTo(row);
    }

    @Test
    default void coreUserTableRoundTrips() {
        Row user = store().create(CoreSchema.USER, Map.of("name", "Ada", "email", "ada@example.com"));

        Row read = store().findOne(CoreSchema.USER, Where.eq("email", "ada@example.com")).orElseThrow();
        assertThat(read).isEqualTo(user);
        assertThat(read.bool("emailVerified")).isFalse();
        assertThat(read.instant("createdAt")).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    private Row read(Row row) {
        return store().findOne(GADGET, Where.eq("id", row.id())).orElseThrow();
    }
}
