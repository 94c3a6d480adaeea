package dev.postern.plugin.access;

/** How several requirements combine: all of them ({@code AND}, the default) or any one ({@code OR}). */
public enum Connector {
    AND,
    OR;

    /** better-auth reads anything but {@code "OR"} as {@code AND}. */
    public static Connector parse(String text) {
        return "OR".equals(text) ? OR : AND;
    }
}
