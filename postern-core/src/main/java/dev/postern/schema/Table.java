package dev.postern.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table of the schema model: its logical name, its fields (the {@code id} primary key is implicit),
 * and the order in which migrations create it so that referenced tables come first.
 */
public record Table(String name, List<Field> fields, int order) {

    public Table {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
    }

    public static Table of(String name, int order, Field.Builder... fields) {
        List<Field> list = new ArrayList<>();
        for (Field.Builder f : fields) {
            list.add(f.build());
        }
        return new Table(name, list, order);
    }

    public Optional<Field> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** This table with more fields; a field of the same name is replaced. */
    public Table plus(List<Field> more) {
        Map<String, Field> merged = new LinkedHashMap<>();
        fields.forEach(f -> merged.put(f.name(), f));
        more.forEach(f -> merged.put(f.name(), f));
        return new Table(name, new ArrayList<>(merged.values()), order);
    }
}
