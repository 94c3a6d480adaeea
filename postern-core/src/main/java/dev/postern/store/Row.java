package dev.postern.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record read from the store, keyed by logical field name, with values of the Java types that
 * {@link dev.postern.schema.FieldType} documents. Immutable.
 */
public record Row(Map<String, Object> values) {

    public Row {
        Objects.requireNonNull(values, "values");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Object get(String field) {
        return values.get(field);
    }

    public String id() {
        return string("id");
    }

    public String string(String field) {
        Object v = values.get(field);
        return v == null ? null : v.toString();
    }

    public Boolean bool(String field) {
        return (Boolean) values.get(field);
    }

    public Long number(String field) {
        Object v = values.get(field);
        return v == null ? null : ((Number) v).longValue();
    }

    public Instant instant(String field) {
        return (Instant) values.get(field);
    }

    /** A copy with some values replaced; for building a response from a row. */
    public Row with(String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(field, value);
        return new Row(copy);
    }
}
