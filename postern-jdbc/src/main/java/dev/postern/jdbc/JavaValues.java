package dev.postern.jdbc;

import dev.postern.schema.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * Brings values to the Java types {@link FieldType} documents (Long, Boolean, Instant at millisecond
 * precision, lists), whether they come from a caller ({@code Integer}, {@code java.util.Date},
 * {@code OffsetDateTime}) or from a driver ({@code BigDecimal}, {@code 0/1}, ISO text). Both the
 * values a store writes and the rows it returns go through here, so they always agree.
 */
final class JavaValues {

    private JavaValues() {
    }

    /**
     * The canonical Java value of {@code value} for a field of {@code type}; JSON values are left as
     * they are (Jackson decides their encoding).
     *
     * @throws IllegalArgumentException when the value cannot mean a value of that type; the message names
     *     the type of the value, never the value (it may be a secret)
     */
    static Object canonical(FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> value instanceof String s ? s : value.toString();
            case NUMBER -> number(value);
            case BOOLEAN -> bool(value);
            case DATE -> instant(value);
            case JSON -> value;
            case STRING_ARRAY -> stringList(value);
            case NUMBER_ARRAY -> numberList(value);
        };
    }

    /** Long for whole numbers, Double for fractional ones, as JavaScript numbers come back from JSON. */
    static Number number(Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger big -> big.longValueExact();
            case BigDecimal dec -> wholeOrFraction(dec);
            case Number n -> wholeOrFraction(new BigDecimal(n.toString()));
            case Boolean b -> b ? 1L : 0L;
            case String s -> parseNumber(s);
            default -> throw unsupported("a number", value);
        };
    }

    private static Number parseNumber(String text) {
        try {
            return wholeOrFraction(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expected a number, got a text of " + text.length() + " characters");
        }
    }

    private static Number wholeOrFraction(BigDecimal dec) {
        BigDecimal stripped = dec.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                && stripped.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0) {
            return stripped.longValueExact();
        }
        return dec.doubleValue();
    }

    static Boolean bool(Object value) {
        return switch (value) {
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1", "true", "t" -> true;
                case "0", "false", "f" -> false;
                default -> throw unsupported("a boolean", value);
            };
            default -> throw unsupported("a boolean", value);
        };
    }

    /** Millisecond precision, as JavaScript dates have; local date-times are taken as UTC. */
    static Instant instant(Object value) {
        Instant instant = switch (value) {
            case Instant i -> i;
            case Date d -> d.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case ZonedDateTime z -> z.toInstant();
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            case Number n when n.doubleValue() == Math.rint(n.doubleValue()) -> Instant.ofEpochMilli(n.longValue());
            case String s -> StoredDates.parse(s);
            default -> throw unsupported("a date", value);
        };
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static List<String> stringList(Object value) {
        List<String> out = new ArrayList<>();
        for (Object element : elements(value, "a list of strings")) {
            out.add(element == null ? null : element.toString());
        }
        return Collections.unmodifiableList(out);
    }

    static List<Long> numberList(Object value) {
        List<Long> out = new ArrayList<>();
        for (Object element : elements(value, "a list of numbers")) {
            out.add(element == null ? null : number(element).longValue());
        }
        return Collections.unmodifiableList(out);
    }

    private static Collection<?> elements(Object value, String expected) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value instanceof Object[] array) {
            return java.util.Arrays.asList(array);
        }
        if (value instanceof long[] longs) {
            return java.util.Arrays.stream(longs).boxed().toList();
        }
        if (value instanceof int[] ints) {
            return java.util.Arrays.stream(ints).boxed().toList();
        }
        throw unsupported(expected, value);
    }

    private static IllegalArgumentException unsupported(String expected, Object value) {
        return new IllegalArgumentException("Expected " + expected + ", got a " + value.getClass().getName());
    }
}
