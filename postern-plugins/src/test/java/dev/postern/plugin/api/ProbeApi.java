package dev.postern.plugin.api;

/** {@link ProbePlugin}'s facade, without a method for its endpoint. */
final class ProbeApi {
    public String somethingElse() {
        return "";
    }
}
