package dev.postern.store;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Store#findMany} returns: a filter, an optional sort, and a window.
 *
 * @param limit maximum rows, or null for all
 * @param offset rows to skip, or null
 */
public record Query(Where where, List<Sort> sort, Integer limit, Integer offset) {

    public Query {
        Objects.requireNonNull(where, "where");
        sort = sort == null ? List.of() : List.copyOf(sort);
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        if (offset != null && offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
    }

    public static Query where(Where where) {
        return new Query(where, List.of(), null, null);
    }

    public static Query all() {
        return where(Where.all());
    }

    public Query sortBy(String field, Direction direction) {
        List<Sort> list = new java.util.ArrayList<>(sort);
        list.add(new Sort(field, direction));
        return new Query(where, list, limit, offset);
    }

    public Query limit(int n) {
        return new Query(where, sort, n, offset);
    }

    public Query offset(int n) {
        return new Query(where, sort, limit, n);
    }

    public record Sort(String field, Direction direction) {
    }

    public enum Direction { ASC, DESC }
}
