package dev.postern.jdbc;

import dev.postern.jdbc.Sql.Param;
import dev.postern.jdbc.TableMapping.Column;
import dev.postern.schema.FieldType;
import dev.postern.store.Operator;
import dev.postern.store.Where;
import dev.postern.store.Where.Condition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Renders a {@link Where} as a SQL condition with better-auth's semantics:
 * {@code (AND-conditions) AND (OR-conditions joined by OR)}. Values are bound, never inlined, and are
 * encoded like written values so a boolean or a date compares with what is stored.
 */
final class WhereSql {
    /**
     * The LIKE escape character. Not a backslash, which MySQL also treats as an escape inside the
     * {@code ESCAPE '...'} literal itself, so one character works unchanged in every dialect.
     */
    static final char LIKE_ESCAPE = '!';

    private final TableMapping table;
    private final Dialect dialect;

    WhereSql(TableMapping table, Dialect dialect) {
        this.table = table;
        this.dialect = dialect;
    }

    /**
     * Appends {@code " WHERE ..."} to {@code sql} and its values to {@code params}; appends nothing
     * for an empty filter.
     *
     * @throws IllegalArgumentException for an unknown field or a value that cannot be compared
     */
    void appendTo(StringBuilder sql, Where where, List<Param> params) {
        if (where.isEmpty()) {
            return;
        }
        List<String> and = new ArrayList<>();
        for (Condition condition : where.andConditions()) {
            and.add(render(condition, params));
        }
        List<String> or = new ArrayList<>();
        for (Condition condition : where.orConditions()) {
            or.add(render(condition, params));
        }
        if (!or.isEmpty()) {
            and.add("(" + String.join(" OR ", or) + ")");
        }
        sql.append(" WHERE ").append(String.join(" AND ", and));
    }

    private String render(Condition condition, List<Param> params) {
        Column column = table.column(condition.field());
        boolean lower = condition.ignoreCase() && column.type() == FieldType.STRING;
        String target = lower ? "lower(" + column.quotedName() + ")" : column.quotedName();
        String placeholder = lower ? "lower(?)" : "?";
        Object value = condition.value();
        Operator operator = condition.operator();
        return switch (operator) {
            case EQ, NE -> {
                if (value == null) {
                    yield column.quotedName() + (operator == Operator.EQ ? " IS NULL" : " IS NOT NULL");
                }
                params.add(param(column, value, lower));
                yield target + (operator == Operator.EQ ? " = " : " <> ") + placeholder;
            }
            case LT, LTE, GT, GTE -> {
                if (value == null) {
                    throw new IllegalArgumentException(operator + " on " + table.model() + "." + column.field()
                            + " needs a value, not null");
                }
                params.add(param(column, value, lower));
                yield target + " " + comparison(operator) + " " + placeholder;
            }
            case IN, NOT_IN -> in(column, target, placeholder, (Collection<?>) value, operator == Operator.IN, lower, params);
            case CONTAINS, STARTS_WITH, ENDS_WITH -> like(column, lower, operator, value, params);
        };
    }

    private static String comparison(Operator operator) {
        return switch (operator) {
            case LT -> "<";
            case LTE -> "<=";
            case GT -> ">";
            case GTE -> ">=";
            default -> throw new IllegalStateException(operator.name());
        };
    }

    /** Empty IN matches nothing and empty NOT IN everything; a null element means IS NULL. */
    private String in(Column column, String target, String placeholder, Collection<?> values, boolean in,
                      boolean lower, List<Param> params) {
        List<String> placeholders = new ArrayList<>();
        boolean hasNull = false;
        for (Object value : values) {
            if (value == null) {
                hasNull = true;
            } else {
                params.add(param(column, value, lower));
                placeholders.add(placeholder);
            }
        }
        String list = placeholders.isEmpty() ? null
                : target + (in ? " IN (" : " NOT IN (") + String.join(", ", placeholders) + ")";
        String nullTest = column.quotedName() + (in ? " IS NULL" : " IS NOT NULL");
        if (list == null) {
            return hasNull ? nullTest : (in ? "1 = 0" : "1 = 1");
        }
        return hasNull ? "(" + list + (in ? " OR " : " AND ") + nullTest + ")" : list;
    }

    private String like(Column column, boolean lower, Operator operator, Object value, List<Param> params) {
        if (value == null) {
            throw new IllegalArgumentException(operator + " on " + table.model() + "." + column.field()
                    + " needs a value, not null");
        }
        String escaped = escapeLike(value.toString());
        String pattern = switch (operator) {
            case CONTAINS -> "%" + escaped + "%";
            case STARTS_WITH -> escaped + "%";
            default -> "%" + escaped;
        };
        String target = column.quotedName();
        if (column.type() != FieldType.STRING && dialect == Dialect.POSTGRES) {
            // PostgreSQL has LIKE only for text; MySQL and SQLite compare any column as text.
            target = "CAST(" + target + " AS text)";
        }
        params.add(new Param(FieldType.STRING, pattern));
        return lower
                ? "lower(" + target + ") LIKE lower(?) ESCAPE '" + LIKE_ESCAPE + "'"
                : target + " LIKE ? ESCAPE '" + LIKE_ESCAPE + "'";
    }

    /** Makes {@code %}, {@code _} and the escape character itself match literally. */
    static String escapeLike(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                out.append(LIKE_ESCAPE);
            }
            out.append(c);
        }
        return out.toString();
    }

    private Param param(Column column, Object value, boolean lower) {
        if (lower) {
            return new Param(FieldType.STRING, value.toString());
        }
        return new Param(column.type(), table.canonical(column, value));
    }
}
