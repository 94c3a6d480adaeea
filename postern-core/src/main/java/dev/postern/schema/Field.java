package dev.postern.schema;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One field of a table in the schema model.
 *
 * @param name logical name, camelCase as in better-auth ({@code emailVerified})
 * @param type logical type
 * @param required NOT NULL
 * @param unique unique constraint
 * @param indexed a (non-unique) index
 * @param sortable better-auth's hint that MySQL needs a bounded {@code varchar}
 * @param bigint for numbers that need 64 bits in databases where integer is 32
 * @param references the foreign key, or null
 * @param defaultValue the value written on create when the caller gives none, or null
 * @param input whether clients may set it through endpoints ({@code input:false} in better-auth)
 * @param returned whether it appears in responses ({@code returned:false} hides secrets)
 */
public record Field(
        String name,
        FieldType type,
        boolean required,
        boolean unique,
        boolean indexed,
        boolean sortable,
        boolean bigint,
        Reference references,
        Supplier<Object> defaultValue,
        boolean input,
        boolean returned) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Builder of(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** A foreign key to {@code table.field}. */
    public record Reference(String table, String field, OnDelete onDelete) {
    }

    public enum OnDelete { CASCADE, SET_NULL, RESTRICT, NO_ACTION }

    /** Builder with better-auth's defaults: required, input and returned. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private boolean required = true;
        private boolean unique;
        private boolean indexed;
        private boolean sortable;
        private boolean bigint;
        private Reference references;
        private Supplier<Object> defaultValue;
        private boolean input = true;
        private boolean returned = true;

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
        }

        public Builder optional() {
            this.required = false;
            return this;
        }

        public Builder unique() {
            this.unique = true;
            return this;
        }

        public Builder indexed() {
            this.indexed = true;
            return this;
        }

        public Builder sortable() {
            this.sortable = true;
            return this;
        }

        public Builder bigint() {
            this.bigint = true;
            return this;
        }

        public Builder references(String table, String field, OnDelete onDelete) {
            this.references = new Reference(table, field, onDelete);
            return this;
        }

        public Builder defaultValue(Supplier<Object> value) {
            this.defaultValue = value;
            return this;
        }

        public Builder defaultValue(Object value) {
            return defaultValue(() -> value);
        }

        public Builder noInput() {
            this.input = false;
            return this;
        }

        public Builder hidden() {
            this.returned = false;
            return this;
        }

        public Field build() {
            return new Field(name, type, required, unique, indexed, sortable, bigint, references,
                    defaultValue, input, returned);
        }
    }
}
