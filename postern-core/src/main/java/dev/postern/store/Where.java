package dev.postern.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A filter on logical field names, with better-auth's semantics: the AND-connected conditions must
 * all hold, and when there are OR-connected conditions at least one of them must hold too:
 * {@code (a AND b) AND (c OR d)}. An empty filter matches every row.
 *
 * <pre>{@code Where.eq("email", email).and("emailVerified", Operator.EQ, true)}</pre>
 */
public final class Where {
    private static final Where ALL = new Where(List.of());

    private final List<Condition> conditions;

    private Where(List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    public static Where all() {
        return ALL;
    }

    public static Where eq(String field, Object value) {
        return of(field, Operator.EQ, value);
    }

    public static Where of(String field, Operator operator, Object value) {
        return ALL.and(field, operator, value);
    }

    public static Where in(String field, Collection<?> values) {
        return of(field, Operator.IN, List.copyOf(values));
    }

    public Where and(String field, Operator operator, Object value) {
        return with(new Condition(field, operator, value, Connector.AND, false));
    }

    public Where andEq(String field, Object value) {
        return and(field, Operator.EQ, value);
    }

    public Where or(String field, Operator operator, Object value) {
        return with(new Condition(field, operator, value, Connector.OR, false));
    }

    /** Adds a condition compared without regard to case (better-auth's {@code mode: "insensitive"}). */
    public Where andIgnoringCase(String field, Operator operator, String value) {
        return with(new Condition(field, operator, value, Connector.AND, true));
    }

    public Where with(Condition condition) {
        List<Condition> list = new ArrayList<>(conditions);
        list.add(condition);
        return new Where(list);
    }

    public List<Condition> conditions() {
        return conditions;
    }

    public List<Condition> andConditions() {
        return conditions.stream().filter(c -> c.connector() == Connector.AND).toList();
    }

    public List<Condition> orConditions() {
        return conditions.stream().filter(c -> c.connector() == Connector.OR).toList();
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    @Override
    public String toString() {
        return conditions.toString();
    }

    public enum Connector { AND, OR }

    /**
     * One comparison.
     *
     * @param value a single value, or a collection for {@code IN}/{@code NOT_IN}; null compares with SQL
     *     {@code IS NULL} / {@code IS NOT NULL} for {@code EQ}/{@code NE}
     */
    public record Condition(String field, Operator operator, Object value, Connector connector, boolean ignoreCase) {
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(connector, "connector");
            if ((operator == Operator.IN || operator == Operator.NOT_IN) && !(value instanceof Collection<?>)) {
                throw new IllegalArgumentException(operator + " on '" + field + "' needs a collection value");
            }
        }
    }
}
