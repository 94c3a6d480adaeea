package dev.postern.store;

/** Comparison operators of a {@link Where} condition, as better-auth's adapter names them. */
public enum Operator {
    EQ, NE, LT, LTE, GT, GTE,
    /** Value is a collection; matches any element. */
    IN,
    /** Value is a collection; matches none of the elements. */
    NOT_IN,
    /** Substring match on strings. */
    CONTAINS,
    STARTS_WITH,
    ENDS_WITH
}
