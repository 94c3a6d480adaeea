package dev.postern.validation;

/** Where a value sits in the input, printed as better-call prints it: {@code body.idToken.token}. */
public record Path(String text) {

    public static Path root(String name) {
        return new Path(name);
    }

    public Path child(String key) {
        return new Path(text + "." + key);
    }

    public Path index(int i) {
        return new Path(text + "." + i);
    }

    @Override
    public String toString() {
        return text;
    }
}
